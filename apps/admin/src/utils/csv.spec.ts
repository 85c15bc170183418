import { describe, expect, it } from 'vitest';
import { csvDataHref, stripBom } from './csv';

describe('stripBom', () => {
  it('drops a byte-order mark', () => {
    expect(stripBom('\uFEFFcode,name')).toBe('code,name');
    expect(stripBom('code,name')).toBe('code,name');
  });
});

describe('csvDataHref', () => {
  it('gives a UTF-8 CSV file with CRLF line ends, Vietnamese kept', () => {
    const href = csvDataHref(['code,name', 'P-1,Phường Một']);

    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.split(',').slice(1).join(','))).toBe(
      'code,name\r\nP-1,Phường Một\r\n',
    );
  });
});
