export {
  MAX_INPUT_CHARS,
  normaliseText,
  foldDiacritics,
  hasDiacritics,
  stripControlChars,
} from './normalise';
export { syllableKeys, isVietnameseSyllable, type SyllableKeys } from './syllable';
export { readingShare, readingsOfLetters } from './syllable-frequency';
export {
  QUESTION_LIMITS,
  DOCUMENT_LIMITS,
  tokenise,
  type Token,
  type TokenLimits,
} from './tokenise';
