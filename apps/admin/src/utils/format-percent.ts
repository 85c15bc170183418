/** A share (0–1), such as a match confidence, as a whole percentage. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A chance of being right (0–1) as a whole percentage between 1% and 99%: an estimate is never
 * certain either way.
 */
export const chancePercent = (chance: number) =>
  `${Math.min(99, Math.max(1, Math.round(chance * 100)))}%`;
