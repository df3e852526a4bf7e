import { FieldProblems } from '../errors/common.errors';

/**
 * How many combining marks one letter may carry (after NFC). Real names and titles need at most
 * two or three (Vietnamese tone + vowel marks, Yoruba); "Zalgo" text stacks dozens to overflow
 * the lines around it.
 */
export const MAX_MARKS_PER_LETTER = 3;

// Unicode category Cf: zero-width spaces and joiners, bidi marks, overrides and isolates, the soft
// hyphen, the BOM, tags. Invisible, so they make lookalike names and reorder what a reader sees.
const FORMAT_CHARACTER = /\p{Cf}/u;
const MARK_FLOOD = new RegExp(`\\p{M}{${MAX_MARKS_PER_LETTER + 1},}`, 'u');

export type TextProblem =
  { key: 'validation.formatCharacters' } | { key: 'validation.tooManyMarks'; params: { max: number } };

/** What is wrong with a name or title a person typed (expects NFC text), or null. */
export function plainTextProblem(value: string): TextProblem | null {
  if (FORMAT_CHARACTER.test(value)) return { key: 'validation.formatCharacters' };
  if (MARK_FLOOD.test(value))
    return { key: 'validation.tooManyMarks', params: { max: MAX_MARKS_PER_LETTER } };
  return null;
}

/** Adds the plainTextProblem of `value` (if any) under `field`; true when there was none. */
export function checkPlainText(value: string, problems: FieldProblems, field: string): boolean {
  const problem = plainTextProblem(value);
  if (problem) problems.add(field, problem.key, 'params' in problem ? problem.params : undefined);
  return !problem;
}

/**
 * The one form of an email address we store, compare and count by: NFKC (fullwidth and other
 * compatibility lookalikes become their plain letters: ａｌｉ＠ｅｘａｍｐｌｅ．ｋｚ is ali@example.kz),
 * trimmed, lower case.
 */
export function canonicalEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}
