import { foldDiacritics, normaliseText } from '../text';

/**
 * The list of enterprises licensed to send workers abroad, and finding one by a name typed any
 * way ("cty tnhh abc", "Công ty CP ABC", "abc") or by its licence number. Pure.
 */

export const COMPANY_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export const companyStatusLabelsVi: Record<CompanyStatus, string> = {
  active: 'Đang được phép hoạt động',
  suspended: 'Bị đình chỉ hoạt động',
  revoked: 'Đã bị thu hồi giấy phép',
};

/** A status as the ministry's list writes it ("Đang hoạt động", "Thu hồi"…), or null. */
export function parseCompanyStatus(text: string): CompanyStatus | null {
  const folded = foldDiacritics(normaliseText(text, 100)).trim();
  if (!folded) return null;
  if ((COMPANY_STATUSES as readonly string[]).includes(folded)) return folded as CompanyStatus;
  if (/thu hoi|revoked|het hieu luc/.test(folded)) return 'revoked';
  if (/dinh chi|tam dung|suspended/.test(folded)) return 'suspended';
  if (/hoat dong|hieu luc|cap phep|active/.test(folded)) return 'active';
  return null;
}

/** Words of the legal form, dropped before comparing: what a person types or leaves out. */
const LEGAL_FORMS = [
  'cong ty',
  'cty',
  'ct',
  'trach nhiem huu han',
  'tnhh',
  'co phan',
  'cp',
  'mot thanh vien',
  'hai thanh vien tro len',
  'mtv',
  'tong cong ty',
  'tct',
  'jsc',
  'co ltd',
  'ltd',
  'company',
  'limited',
  'joint stock',
];
const LEGAL_FORM = new RegExp(`\\b(?:${LEGAL_FORMS.join('|')})\\b`, 'g');

/** The distinctive part of a name: "Công ty TNHH Nhân lực ABC" → "nhan luc abc". */
export function companyKey(name: string): string {
  return foldDiacritics(normaliseText(name, 300))
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(LEGAL_FORM, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A licence number compared without spaces, case or separators: "123/LĐTBXH-GP" → "123ldtbxhgp". */
export function licenceKey(value: string): string {
  return foldDiacritics(normaliseText(value, 100)).replace(/[^a-z0-9]/g, '');
}

export interface CompanyCandidate {
  id: string;
  name: string;
  licenceNumber: string;
}

export interface CompanySearchResult<T extends CompanyCandidate> {
  /** The one company the text names beyond doubt, or null. */
  match: T | null;
  /** Without a sure match: up to three close ones, to choose from (never picked for the person). */
  candidates: T[];
}

/**
 * A sure match is the licence number, or the whole distinctive name, or a name that alone in the
 * list holds every word typed (at least two letters' worth). Anything less gives at most three
 * candidates, most words in common first.
 */
export function searchCompanies<T extends CompanyCandidate>(
  typed: string,
  companies: readonly T[],
): CompanySearchResult<T> {
  const licence = licenceKey(typed);
  if (/\d/.test(licence) && licence.length >= 3) {
    const byLicence = companies.filter((c) => licenceKey(c.licenceNumber) === licence);
    if (byLicence.length === 1) return { match: byLicence[0], candidates: [] };
  }
  const key = companyKey(typed);
  if (key.length < 2) return { match: null, candidates: [] };
  const exact = companies.filter((c) => companyKey(c.name) === key);
  if (exact.length === 1) return { match: exact[0], candidates: [] };
  if (exact.length > 1) return { match: null, candidates: exact.slice(0, 3) };
  const words = key.split(' ');
  const scored = companies
    .map((company) => {
      const nameKey = companyKey(company.name);
      const nameWords = new Set(nameKey.split(' '));
      const whole = words.filter((w) => nameWords.has(w)).length;
      const inside = ` ${nameKey} `.includes(` ${key}`) ? 0.5 : 0;
      return { company, whole, score: whole / words.length + inside };
    })
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.company.name.localeCompare(b.company.name, 'vi'));
  const holdingAll = scored.filter((s) => s.whole === words.length);
  if (holdingAll.length === 1 && key.replace(/ /g, '').length >= 3) {
    return { match: holdingAll[0].company, candidates: [] };
  }
  return { match: null, candidates: scored.slice(0, 3).map((s) => s.company) };
}

const GENERIC_WORDS =
  /\b(?:xuat khau lao dong|xkld|moi gioi|dich vu|nay|do|kia|ay|ma|cua|toi|em|minh|ben|o|tai|nao)\b/g;

/**
 * The company named in a question such as "công ty ABC có được phép đưa người đi Nhật không",
 * "cty xyz co uy tin ko", "kiểm tra công ty ABC": the name, or null when the text asks no such
 * thing.
 */
export function companyInQuestion(text: string): string | null {
  const folded = foldDiacritics(normaliseText(text))
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const check =
    /^(?:kiem tra|tra cuu|check)\s+(?:doanh nghiep|cong ty|cty)\s+(.+)$/.exec(folded) ??
    /^(?:cong ty|cty|doanh nghiep)\s+(.+?)\s+(?:co\s+)?(?:duoc phep|giay phep|uy tin|hop phap|that khong|lua dao|co that|duoc cap phep|dang ky)/.exec(
      folded,
    );
  const name = check?.[1]?.trim();
  // "công ty xuất khẩu lao động có được phép thu phí không" names no company: a general question.
  const distinctive = companyKey(name ?? '')
    .replace(GENERIC_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name && distinctive.length >= 2 ? name : null;
}

export interface CompanyListInfo {
  /** The day the list is dated (yyyy-mm-dd), as staff gave it at import. */
  listDate: string | null;
  importedAt: string;
  source: string | null;
  /** The demo's sample list, to be replaced. */
  sample: boolean;
  companyCount: number;
}

export interface LicensedCompanyResponse {
  id: string;
  name: string;
  licenceNumber: string;
  licensedOn: string | null;
  status: CompanyStatus;
  address: string | null;
}

export interface CompanyCheckResponse {
  /** No list imported yet: nothing can be said either way. */
  list: CompanyListInfo | null;
  match: LicensedCompanyResponse | null;
  candidates: LicensedCompanyResponse[];
}

export interface CompanyImportResponse {
  companies: number;
  dryRun: boolean;
}
