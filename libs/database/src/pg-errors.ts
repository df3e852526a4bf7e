/** The name of the constraint a PostgreSQL unique violation (23505) hit, if that is what `err` is. */
export function uniqueViolation(err: unknown): string | null {
  const e = err as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23505') return null;
  return e?.driverError?.constraint ?? e?.constraint ?? '';
}

export function foreignKeyViolation(err: unknown): string | null {
  const e = err as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23503') return null;
  return e?.driverError?.constraint ?? e?.constraint ?? '';
}

/**
 * The rows of an `UPDATE/DELETE ... RETURNING` run through TypeORM's `query()`, which answers such
 * statements with `[rows, affectedCount]` (and plain SELECT/INSERT with the rows alone).
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
