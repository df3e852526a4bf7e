import fc from 'fast-check';
import {
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLScalarType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * Arbitraries for every argument of a served GraphQL schema: valid-looking values drawn from real
 * rows (of the right kind and of the wrong one) and boundary and hostile values, chosen by the
 * argument's type and, for strings and ids, by its name. Nothing here names an operation.
 */

/** Real values of the test's rows, by kind; `ids` keys are entity kinds (event, club, …). */
export interface FuzzPools {
  ids: Record<string, string[]>;
  emails: string[];
  phones: string[];
  /** check-in codes, unit codes, badge codes, certificate numbers, tokens: by argument name */
  strings: Record<string, string[]>;
}

const UUID_ZERO = '00000000-0000-4000-8000-000000000000';

/** Valid IINs from the domain notes and invalid ones (check digit, month 13, d7 = 0, 29 Feb 2006). */
export const VALID_IINS = ['990115300426', '061211600012', '000229600074', '050314500019', '100601500105'];
export const INVALID_IINS = ['061211600013', '061311600012', '061211000012', '060229500017'];

const b64 = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');

/** Strings that have broken parsers, validators or databases somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t ',
  'a',
  'x'.repeat(10_000),
  'Te\u200Bst', // zero-width space
  '\u202Eevil\u202C', // bidi override
  '\u2066isolate\u2069',
  '\uFEFFbom',
  'Z' + '\u0301'.repeat(150), // a flood of combining marks
  'e\u0301' + 'a\u0308'.repeat(20),
  'ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｋｚ', // fullwidth
  'Ａｌｉｈａｎ Ｓａｒｓｅｎｂａｙｅｖ',
  '\uD800', // a lone surrogate
  '😀'.repeat(300),
  '\u0000', // NUL: PostgreSQL refuses it in text
  'line\nbreak\r\n',
  "' OR 1=1 --",
  "'; DROP TABLE members; --",
  '%',
  '_',
  '\\',
  '"\\u0000"',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'Ⅻ', // a number-like letter
  'Әлихан Сәрсенбаев',
];

const HOSTILE_IDS = [
  '',
  'nope',
  '1',
  UUID_ZERO,
  UUID_ZERO.toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000', // one digit short
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  "' OR 1=1 --",
];

/** Dates PostgreSQL and JavaScript disagree on, and the edges of a calendar. */
export const HOSTILE_DATE_STRINGS = [
  '2024', // JS parses it, PostgreSQL's timestamptz does not
  '1',
  '12',
  '2024-13-01',
  '2026-02-30',
  '2006-02-29',
  '0000-01-01',
  '0001-01-01T00:00:00Z',
  '1900-01-01',
  '1900-01-01T00:00:00Z',
  '9999-12-31',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-02-05T10:00',
  '2026-02-05T10:00+14:00',
  '2026-02-05T10:00-12:00',
  'Tue Mar 01 2026',
  'March 7',
  'next tuesday',
  'infinity',
  '-infinity',
  'epoch',
  'now',
  'allballs',
];

const INTS = [0, -1, 1, 2, 20, 100, 101, 1000, -2147483648, 2147483647, 2147483648, -2147483649, 1.5, 1e308];

export const ROOT_KINDS = [
  'event',
  'club',
  'member',
  'unit',
  'registration',
  'certificate',
  'award',
  'notification',
];

/** Which kind of row an id argument names: by its name (eventId), else by the operation's name. */
export function idKind(argName: string, opName: string): string | null {
  const name = argName.replace(/Ids?$/, '').toLowerCase();
  if (ROOT_KINDS.includes(name)) return name;
  const op = opName.toLowerCase();
  if (op.includes('badge')) return 'award';
  if (op.includes('notification')) return 'notification';
  return ROOT_KINDS.find((k) => op.includes(k)) ?? null;
}

export class SchemaArbitraries {
  constructor(
    readonly schema: GraphQLSchema,
    private readonly pools: FuzzPools,
  ) {}

  private allIds(): string[] {
    return Object.values(this.pools.ids).flat();
  }

  /** Real ids of the right kind (most often), of any kind, and ids that name nothing. */
  id(argName: string, opName: string): fc.Arbitrary<unknown> {
    const kind = idKind(argName, opName);
    const right = (kind && this.pools.ids[kind]) || [];
    const all = this.allIds();
    return fc.oneof(
      {
        weight: right.length ? 5 : 0,
        arbitrary: right.length ? fc.constantFrom(...right) : fc.constant(UUID_ZERO),
      },
      {
        weight: all.length ? 2 : 0,
        arbitrary: all.length ? fc.constantFrom(...all) : fc.constant(UUID_ZERO),
      },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
      { weight: 1, arbitrary: fc.integer() },
    );
  }

  /** Cursors: valid-looking ones (every kind of key at once) holding odd dates, and garbage. */
  cursor(): fc.Arbitrary<string> {
    const dateish = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_DATE_STRINGS) },
      { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
    );
    const ids = this.allIds();
    const anId = fc.oneof(fc.uuid(), ids.length ? fc.constantFrom(...ids) : fc.constant(UUID_ZERO));
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ s: dateish, c: dateish, i: anId }).map((c) => b64({ ...c, n: c.s })),
      },
      fc.record({ n: fc.constantFrom(...HOSTILE_STRINGS), i: anId }).map(b64),
      fc.constantFrom(
        b64('2024'),
        b64('{}'),
        b64('[]'),
        b64('null'),
        b64({ s: null, i: null }),
        'bm9wZQ',
        '!!!',
        '=',
        '',
      ),
      fc.string().map(b64),
      fc.string(),
    );
  }

  /** A string argument: by its name what it usually holds, plus hostile strings. */
  string(argName: string): fc.Arbitrary<unknown> {
    const name = argName.toLowerCase();
    const known = Object.entries(this.pools.strings)
      .filter(([key]) => name === key.toLowerCase() || name.endsWith(key.toLowerCase()))
      .flatMap(([, values]) => values);
    const likely: fc.Arbitrary<unknown>[] = [];
    if (known.length) likely.push(fc.constantFrom(...known));
    if (name.includes('email'))
      likely.push(
        fc.constantFrom(
          ...this.pools.emails,
          'ＡＤＭＩＮ＠ＥＸＡＭＰＬＥ．ＫＺ',
          'a@b',
          'no-at-sign',
          'A.B@Example.KZ ',
        ),
        fc.emailAddress(),
      );
    if (name.includes('phone'))
      likely.push(
        fc.constantFrom(
          ...this.pools.phones,
          '8 701 123 45 67',
          '+7 (775) 555-11-22',
          '12345',
          '+1 202 555 0100',
          '８７０１１２３４５６７',
        ),
      );
    if (name === 'iin') likely.push(fc.constantFrom(...VALID_IINS, ...INVALID_IINS));
    if (name.includes('password')) likely.push(fc.constantFrom('correct-horse-9', 'short', 'x'.repeat(1000)));
    if (name === 'after' || name === 'before' || name.includes('cursor')) likely.push(this.cursor());
    if (name.includes('timezone'))
      likely.push(
        fc.constantFrom('Asia/Almaty', 'Asia/Aqtobe', 'UTC', 'Etc/GMT+12', 'Mars/Olympus', 'asia/almaty'),
      );
    if (name.includes('date') || name === 'from' || name === 'to')
      likely.push(fc.constantFrom(...HOSTILE_DATE_STRINGS));
    const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    return fc.oneof(
      // what the argument's name says it holds, when it says something
      { weight: likely.length ? 6 : 0, arbitrary: likely.length ? fc.oneof(...likely) : anyText },
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: anyText },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    );
  }

  private scalar(type: GraphQLScalarType, argName: string, opName: string): fc.Arbitrary<unknown> {
    const wrongType = fc.constantFrom<unknown>(true, 0, [], {}, 'x', 1.5);
    switch (type.name) {
      case 'ID':
        return this.id(argName, opName);
      case 'String':
        return this.string(argName);
      case 'Int':
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...INTS) },
          { weight: 2, arbitrary: fc.integer() },
          { weight: 1, arbitrary: fc.integer({ min: -100, max: 200 }) },
          { weight: 1, arbitrary: fc.oneof(fc.double(), fc.constantFrom('12', '', 'NaN')) },
        );
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(...INTS), wrongType);
      case 'Boolean':
        return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType });
      case 'Date':
        return fc.oneof(
          fc
            .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          fc.constantFrom(...HOSTILE_DATE_STRINGS),
          this.string(argName),
        );
      case 'DateTime':
        return fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .integer({ min: -2000, max: 24 * 400 })
              .map((h) => new Date(Date.now() + h * 3_600_000).toISOString()),
          },
          { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_DATE_STRINGS) },
          { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
          { weight: 1, arbitrary: fc.oneof(this.string(argName), fc.integer(), wrongType) },
        );
      default:
        // custom scalars (JSON, …): any JSON value
        return fc.oneof(fc.jsonValue({ maxDepth: 3 }), this.string(argName));
    }
  }

  private enumValue(type: GraphQLEnumType): fc.Arbitrary<unknown> {
    const values = type.getValues().map((v) => v.value as string);
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom(...values.map((v) => v.toLowerCase()), 'NOPE', '', 0) },
    );
  }

  private inputObject(type: GraphQLInputObjectType, opName: string, depth: number): fc.Arbitrary<unknown> {
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) model[f.name] = this.value(f.type, f.name, opName, depth + 1);
    const required = fields
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => f.name);
    const wellFormed = fc.record(model, { requiredKeys: required });
    return fc.oneof(
      { weight: 8, arbitrary: wellFormed },
      { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) }, // required fields missing
      { weight: 1, arbitrary: wellFormed.map((v) => ({ ...(v as object), unknownField: 1 })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('', 0, [], 'x') },
      {
        weight: 1,
        // a deeply nested object where the schema expects a flat one
        arbitrary: fc.integer({ min: 50, max: 3000 }).map((n) => nest(n, required[0] ?? 'x')),
      },
    );
  }

  /** A value for an input type; non-null types are sometimes sent null (the server must refuse). */
  value(type: GraphQLInputType, argName: string, opName: string, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) {
      const inner = this.value(type.ofType, argName, opName, depth);
      return fc.oneof({ weight: 12, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
    }
    let arb: fc.Arbitrary<unknown>;
    if (isListType(type)) {
      const item = this.value(type.ofType, argName, opName, depth);
      arb = fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: item }, // one value where a list is expected (GraphQL coerces it)
        { weight: 1, arbitrary: fc.array(item, { minLength: 50, maxLength: 300 }) },
      );
    } else if (isInputObjectType(type)) {
      arb = depth > 3 ? fc.constant({}) : this.inputObject(type, opName, depth);
    } else if (isEnumType(type)) {
      arb = this.enumValue(type);
    } else {
      arb = this.scalar(type, argName, opName);
    }
    return fc.oneof({ weight: 10, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  }

  /** Variables for a list of arguments, keyed by the variable names given. */
  variables(args: Array<{ variable: string; arg: GraphQLArgument }>, opName: string) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const { variable, arg } of args) model[variable] = this.value(arg.type, arg.name, opName);
    return fc.record(model, { requiredKeys: [] });
  }
}

function nest(levels: number, key: string): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < levels; i++) v = { [key]: v };
  return v;
}

/** One operation of the served schema as a document whose every argument is a variable. */
export interface FuzzOperation {
  /** e.g. Mutation.createEvent */
  name: string;
  kind: 'query' | 'mutation';
  field: string;
  document: string;
  args: Array<{ variable: string; arg: GraphQLArgument }>;
}

/**
 * Every Query and Mutation of the schema, each with a selection of its result (leaf fields, and
 * object fields two levels down), so field arguments below the root (Member.registrations(first,
 * after), Event.startsAtLocal(timeZone)) are generated too.
 */
export function schemaOperations(schema: GraphQLSchema): FuzzOperation[] {
  const ops: FuzzOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const args: FuzzOperation['args'] = [];
      const call = callOf(field, [], args);
      const selection = selectionOf(field.type, 0, [field.name], args);
      const defs = args.map((a) => `$${a.variable}: ${a.arg.type.toString()}`).join(', ');
      ops.push({
        name: `${root.name}.${field.name}`,
        kind,
        field: field.name,
        document: `${kind} Fuzz${defs ? `(${defs})` : ''} { ${call}${selection} }`,
        args,
      });
    }
  }
  return ops;
}

function callOf(field: GraphQLField<unknown, unknown>, path: string[], args: FuzzOperation['args']): string {
  if (!field.args.length) return field.name;
  const list = field.args.map((arg) => {
    const variable = [...path, field.name, arg.name].join('_');
    args.push({ variable, arg });
    return `${arg.name}: $${variable}`;
  });
  return `${field.name}(${list.join(', ')})`;
}

const MAX_SELECTION_DEPTH = 3;

function selectionOf(
  type: GraphQLOutputType,
  depth: number,
  path: string[],
  args: FuzzOperation['args'],
): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  const parts: string[] = [];
  for (const f of Object.values((named as GraphQLObjectType).getFields())) {
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) parts.push(callOf(f, path, args));
    else if (depth + 1 < MAX_SELECTION_DEPTH) {
      const sub = selectionOf(f.type, depth + 1, [...path, f.name], args);
      if (sub) parts.push(`${callOf(f, path, args)}${sub}`);
    }
  }
  return parts.length ? ` { ${parts.join(' ')} }` : ' { __typename }';
}
