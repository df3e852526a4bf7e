import { parseDateTime, toZonedIso } from '@yvc/core';
import { GraphQLScalarType, Kind, ValueNode } from 'graphql';

/**
 * A calendar date, 'YYYY-MM-DD'. Parsing only requires a string: the domain checks the date
 * itself, so a bad one gets a field-level message like every other input error.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO 8601 calendar date, e.g. 2004-03-21',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: (v) => {
    if (typeof v !== 'string') throw new TypeError('Date must be a string YYYY-MM-DD');
    return v.trim();
  },
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string YYYY-MM-DD');
    return ast.value.trim();
  },
});

const parseJson = (ast: ValueNode): unknown => {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, parseJson(f.value)]));
    case Kind.LIST:
      return ast.values.map(parseJson);
    default:
      return null;
  }
};

/** Arbitrary JSON (used for exportMyData). */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: parseJson,
});

/**
 * ISO 8601 with an offset. Served in the region's zone (Asia/Almaty, UTC+5 since 2024-03-01),
 * e.g. 2026-02-05T10:00:00.000+05:00; accepted with Z, any offset, or none (then Almaty time).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 date-time with offset, e.g. 2026-02-05T10:00:00+05:00 (served in Asia/Almaty)',
  serialize: (v) => {
    const d = v instanceof Date ? v : new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return toZonedIso(d);
  },
  parseValue: (v) => {
    const d = typeof v === 'string' ? parseDateTime(v) : null;
    if (!d) throw new TypeError('expected an ISO 8601 date-time such as 2026-02-05T10:00:00+05:00');
    return d;
  },
  parseLiteral: (ast: ValueNode) => {
    const d = ast.kind === Kind.STRING ? parseDateTime(ast.value) : null;
    if (!d) throw new TypeError('expected an ISO 8601 date-time such as 2026-02-05T10:00:00+05:00');
    return d;
  },
});
