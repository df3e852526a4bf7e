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
