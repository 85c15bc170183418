import { describe, expect, it } from 'vitest';
import { rowsFromSheet, sheetFromRows, SHEET_COLUMNS } from './faq-sheet';

describe('FAQ sheet form', () => {
  it('reads lists from " | " separated cells and English columns into their fields', () => {
    const { rows, problem } = rowsFromSheet(
      ['ID', 'topic', 'question', 'alternates', 'answer', 'question_en'],
      [
        [
          'x1',
          'Hộ chiếu',
          'Làm hộ chiếu ở đâu?',
          'hộ chiếu làm ở đâu | passport ở đâu',
          'Tại cơ quan xuất nhập cảnh.',
          'Where?',
        ],
      ],
    );
    expect(problem).toBeUndefined();
    expect(rows[0]).toEqual({
      id: 'x1',
      topic: 'Hộ chiếu',
      question: 'Làm hộ chiếu ở đâu?',
      alternates: ['hộ chiếu làm ở đâu', 'passport ở đâu'],
      answer: 'Tại cơ quan xuất nhập cảnh.',
      questionEn: 'Where?',
    });
  });

  it('names unknown and missing columns', () => {
    expect(rowsFromSheet(['topic', 'cau_hoi'], []).problem?.message).toMatch(
      /unknown column\(s\) cau_hoi/,
    );
    expect(rowsFromSheet(['topic', 'question'], []).problem?.message).toMatch(
      /missing column\(s\) answer/,
    );
  });

  it('writes what it reads', () => {
    const row = {
      id: 'a',
      topic: 'T',
      question: 'Q?',
      alternates: ['x', 'y'],
      answer: 'A.',
      tags: ['t'],
      questionEn: 'E?',
    };
    const [header, ...body] = sheetFromRows([row]);
    expect(header).toEqual([...SHEET_COLUMNS]);
    expect(rowsFromSheet(header, body).rows[0]).toEqual(row);
  });
});
