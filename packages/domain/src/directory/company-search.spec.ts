import { describe, expect, it } from 'vitest';
import {
  companyInQuestion,
  companyKey,
  parseCompanyStatus,
  searchCompanies,
} from './company-search';

const list = [
  { id: '1', name: 'Công ty TNHH Nhân lực Ánh Dương', licenceNumber: '101/LĐTBXH-GP' },
  { id: '2', name: 'Công ty Cổ phần Nhân lực Quốc tế Sao Mai', licenceNumber: '102/LĐTBXH-GP' },
  {
    id: '3',
    name: 'Công ty TNHH MTV Xuất khẩu lao động Sao Mai Bắc',
    licenceNumber: '103/LĐTBXH-GP',
  },
  { id: '4', name: 'Tổng công ty Hợp tác Lao động Hà Thành', licenceNumber: '104/LĐTBXH-GP' },
];

describe('companyKey', () => {
  it('drops diacritics and the legal form, however written', () => {
    expect(companyKey('Công ty TNHH Nhân lực Ánh Dương')).toBe('nhan luc anh duong');
    expect(companyKey('cty tnhh nhan luc anh duong')).toBe('nhan luc anh duong');
    expect(companyKey('CÔNG TY CP Nhân Lực Ánh Dương')).toBe('nhan luc anh duong');
  });
});

describe('searchCompanies', () => {
  it('finds a company typed without diacritics, with "cty" and the legal form abbreviated', () => {
    expect(searchCompanies('cty tnhh nhan luc anh duong', list).match?.id).toBe('1');
    expect(searchCompanies('Ánh Dương', list).match?.id).toBe('1');
  });

  it('finds one by its licence number typed any way', () => {
    expect(searchCompanies('102 / ldtbxh gp', list).match?.id).toBe('2');
  });

  it('never guesses between names that share the words typed: candidates, at most three', () => {
    const sut = searchCompanies('sao mai', list);
    expect(sut.match).toBeNull();
    expect(sut.candidates.map((c) => c.id).sort()).toEqual(['2', '3']);
  });

  it('finds nothing for a name not on the list', () => {
    expect(searchCompanies('cong ty xyz', list)).toEqual({ match: null, candidates: [] });
  });
});

describe('companyInQuestion', () => {
  it('reads the company out of the question', () => {
    expect(companyInQuestion('công ty ABC có được phép đưa người đi Nhật không')).toBe('abc');
    expect(companyInQuestion('cty tnhh sao mai co uy tin ko')).toBe('tnhh sao mai');
    expect(companyInQuestion('Kiểm tra công ty Ánh Dương')).toBe('anh duong');
    expect(companyInQuestion('đi Nhật cần giấy tờ gì')).toBeNull();
  });
});

describe('parseCompanyStatus', () => {
  it('reads the list’s wording', () => {
    expect(parseCompanyStatus('Đang hoạt động')).toBe('active');
    expect(parseCompanyStatus('Bị thu hồi giấy phép')).toBe('revoked');
    expect(parseCompanyStatus('Tạm đình chỉ')).toBe('suspended');
    expect(parseCompanyStatus('???')).toBeNull();
  });
});

describe('companyInQuestion, general questions', () => {
  it('reads no company out of a question about companies in general', () => {
    expect(companyInQuestion('công ty xuất khẩu lao động có được phép thu phí không')).toBeNull();
    expect(companyInQuestion('cty nay co uy tin ko')).toBeNull();
  });
});
