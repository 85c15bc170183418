/**
 * The support directory: hotlines and offices a person can turn to, each serving some units of
 * the hierarchy (none: the whole country) and helping with some topics.
 */
export const SupportContactKind = {
  Hotline: 'hotline',
  Police: 'police',
  LabourOffice: 'labour_office',
  WomensUnion: 'womens_union',
  SupportCentre: 'support_centre',
  Consular: 'consular',
  LegalAid: 'legal_aid',
  Other: 'other',
} as const;

export type SupportContactKind = (typeof SupportContactKind)[keyof typeof SupportContactKind];

export const SUPPORT_CONTACT_KINDS: readonly SupportContactKind[] =
  Object.values(SupportContactKind);

export const supportContactKindLabelsVi: Record<SupportContactKind, string> = {
  hotline: 'Đường dây nóng',
  police: 'Công an',
  labour_office: 'Cơ quan lao động',
  womens_union: 'Hội Liên hiệp Phụ nữ',
  support_centre: 'Cơ sở hỗ trợ, nhà tạm lánh',
  consular: 'Bảo hộ công dân, lãnh sự',
  legal_aid: 'Trợ giúp pháp lý',
  other: 'Khác',
};

/** A phone number as a person may type it: digits, spaces, + . - ( ), 3–32 characters (113). */
export const CONTACT_PHONE_PATTERN = /^\+?[0-9 ().-]{3,32}$/;

/** The number a `tel:` link dials: the digits and a leading +. */
export function telUri(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

export interface SupportContactResponse {
  id: string;
  name: string;
  kind: SupportContactKind;
  topicIds: string[];
  /** Units served, with every unit under them; empty: the whole country. */
  unitIds: string[];
  phone: string | null;
  address: string | null;
  openingHours: string | null;
  notes: string | null;
  /** The day staff should check the entry again (yyyy-mm-dd), or null. */
  reviewDueOn: string | null;
  /** True for the demo's sample entries, to be replaced with real ones. */
  sample: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SupportContactRequest {
  name: string;
  kind: SupportContactKind;
  topicIds?: string[];
  unitIds?: string[];
  phone?: string | null;
  address?: string | null;
  openingHours?: string | null;
  notes?: string | null;
  reviewDueOn?: string | null;
  sample?: boolean;
}

export interface SupportContactListQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  kind?: SupportContactKind;
  /** Contacts serving this unit (directly, through a unit above it, or nationwide). */
  unitId?: string;
  topicId?: string;
  /** Only those whose review day has passed. */
  reviewOverdue?: boolean;
}

export interface SupportContactImportResponse {
  created: number;
  updated: number;
  dryRun: boolean;
}
