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

/**
 * The parts a cursor may hold, each checked strictly: a cursor comes back from the client and its
 * parts go into SQL as parameters, so anything PostgreSQL could refuse must stop here.
 */
export function cursorGuard<C extends object>(parts: {
  [K in keyof C]-?: (v: unknown) => v is C[K];
}): (v: unknown) => v is C {
  const checks = Object.entries<(v: unknown) => boolean>(parts);
  return (v: unknown): v is C =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    checks.every(([key, check]) => check((v as Record<string, unknown>)[key]));
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A time exactly as Date.toISOString() wrote it (which is how cursors are made), years 1 to 9999.
 * Date.parse alone is too lenient: it reads '2026' or '+275760-09-13', which PostgreSQL refuses.
 */
export function cursorInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !INSTANT_RE.test(v) || v.startsWith('0000')) return false;
  const d = new Date(v);
  return !Number.isNaN(d.getTime()) && d.toISOString() === v;
}

/** A text part of a cursor (a name): at most `max` characters, no NUL (PostgreSQL refuses it). */
export const cursorText =
  (max: number) =>
  (v: unknown): v is string =>
    typeof v === 'string' && v.length <= max && !v.includes('\u0000');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must not reach PostgreSQL as a uuid). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
