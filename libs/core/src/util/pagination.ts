import { FieldProblems } from '../errors/common.errors';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest<C> {
  first: number;
  after?: C;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
  cursorOf: (item: T) => string;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Validates `first` (1..100) and decodes `after`; a bad value is a field-level BAD_USER_INPUT. */
export function pageRequest<C>(
  first: number | undefined,
  after: string | undefined | null,
  isCursor: (v: unknown) => v is C,
): PageRequest<C> {
  const problems = new FieldProblems();
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    problems.add('first', 'validation.outOfRange', { min: 1, max: MAX_PAGE_SIZE });
  }
  let cursor: C | undefined;
  if (after) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
      if (isCursor(parsed)) cursor = parsed;
      else problems.add('after', 'validation.invalidId');
    } catch {
      problems.add('after', 'validation.invalidId');
    }
  }
  problems.throwIfAny();
  return { first: size, after: cursor };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must not reach PostgreSQL as a uuid). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
