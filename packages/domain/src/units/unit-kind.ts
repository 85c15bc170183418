/**
 * Kinds of unit in a local government. The territorial ones form the hierarchy
 * province → district (city/district) → commune (ward/commune); departments, police,
 * the military command and mass organisations hang under the level they serve.
 */
export const UnitKind = {
  Province: 'province',
  District: 'district',
  Commune: 'commune',
  Department: 'department',
  Office: 'office',
  Police: 'police',
  Military: 'military',
  MassOrganisation: 'mass_organisation',
} as const;

export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export const UNIT_KINDS: readonly UnitKind[] = Object.values(UnitKind);

export const unitKindLabelsVi: Record<UnitKind, string> = {
  province: 'Tỉnh, thành phố trực thuộc trung ương',
  district: 'Huyện, thành phố thuộc tỉnh',
  commune: 'Xã, phường',
  department: 'Phòng, ban chuyên môn',
  office: 'Văn phòng',
  police: 'Công an',
  military: 'Cơ quan quân sự',
  mass_organisation: 'Tổ chức chính trị – xã hội',
};

const TERRITORIAL_PARENT: Partial<Record<UnitKind, UnitKind>> = {
  district: 'province',
  commune: 'district',
};

/**
 * Whether a unit of `kind` may sit under a parent of `parentKind` (null: no parent).
 * Returns a reason when it may not. A province is always a root; a district sits under a
 * province and a commune under a district; the other kinds sit under a territorial level
 * or stand alone.
 */
export function parentProblem(kind: UnitKind, parentKind: UnitKind | null): string | null {
  if (kind === 'province') return parentKind ? 'a province has no parent unit' : null;
  const required = TERRITORIAL_PARENT[kind];
  if (required) return parentKind === required ? null : `a ${kind} must sit under a ${required}`;
  if (parentKind && !['province', 'district', 'commune'].includes(parentKind)) {
    return `a ${kind} must sit under a province, district or commune`;
  }
  return null;
}

/** A unit code: letters, digits, dot, dash or underscore, 2–32 characters. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
