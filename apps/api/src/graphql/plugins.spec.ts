import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { PriceCache, priceOperation, priceVariables } from './plugins';

/** A schema shaped like ours: a report at the root, a connection (`first`), a report under a list. */
const Report = new GraphQLObjectType({
  name: 'Report',
  fields: { total: { type: GraphQLInt }, rows: { type: new GraphQLList(GraphQLInt) } },
});
const Item: GraphQLObjectType = new GraphQLObjectType({
  name: 'Item',
  fields: () => ({
    id: { type: GraphQLString },
    report: { type: Report, extensions: { report: 50 } },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      report: { type: Report, args: { from: { type: GraphQLString } }, extensions: { report: 500 } },
      cheap: { type: GraphQLString },
      items: { type: new GraphQLNonNull(new GraphQLList(Item)), args: { first: { type: GraphQLInt } } },
    },
  }),
});
const price = (q: string, variables: Record<string, unknown> = {}) =>
  priceOperation(schema, parse(q), variables);

describe('priceOperation', () => {
  it('a report costs what it declares plus what is below it; other fields cost 1', () => {
    expect(price(`{ cheap }`)).toEqual({ cost: 1, reports: 0 });
    expect(price(`{ report { total rows } }`)).toEqual({ cost: 502, reports: 1 });
  });

  it('counts every alias and every fragment, skips what @skip/@include leave out', () => {
    expect(price(`{ a: report { total } b: report(from: "x") { total } c: report { rows } }`).reports).toBe(
      3,
    );
    expect(
      price(
        `{ ...F ... on Query { x: report { total } } } fragment F on Query { report { total } y: report { total } }`,
      ).reports,
    ).toBe(3);
    expect(
      price(
        `query($no: Boolean!) { a: report { total } b: report @skip(if: $no) { total } c: report @include(if: false) { total } }`,
        {
          no: true,
        },
      ).reports,
    ).toBe(1);
  });

  it('a report under a list is counted once per item that `first` asks for', () => {
    expect(price(`{ items(first: 7) { report { total } } }`)).toEqual({ cost: 1 + 7 * 51, reports: 7 });
    expect(price(`{ items(first: 1000) { id } }`).cost).toBe(101);
  });
});

describe('PriceCache', () => {
  it('lists the variables a price depends on: those in `first:` and `if:` arguments only', () => {
    const doc = parse(`query($n: Int, $from: String, $show: Boolean!, $m: Int) {
      report(from: $from) { total }
      items(first: $n) { id report @include(if: $show) { total } }
      more: items(first: $m) { id }
    }`);
    expect(priceVariables(doc)).toEqual(['m', 'n', 'show']);
    expect(priceVariables(parse(`{ cheap }`))).toEqual([]);
  });

  it('keeps a price per document, operation and value of those variables, and nothing else', () => {
    const cache = new PriceCache();
    const doc =
      parse(`query A($n: Int, $from: String) { report(from: $from) { total } items(first: $n) { id } }
      query B { cheap }`);
    const first = cache.lookup(doc, 'A', { n: 10, from: 'x' });
    expect(first.price).toBeUndefined();
    cache.store(doc, first.key, { cost: 511, reports: 1 });
    // another `from` (not priced) finds it; another `first`, another operation or document do not
    expect(cache.lookup(doc, 'A', { n: 10, from: 'y' }).price).toEqual({ cost: 511, reports: 1 });
    expect(cache.lookup(doc, 'A', { n: 20, from: 'x' }).price).toBeUndefined();
    expect(cache.lookup(doc, 'B', { n: 10 }).price).toBeUndefined();
    expect(
      cache.lookup(parse(`query A($n: Int) { items(first: $n) { id } }`), 'A', { n: 10 }).price,
    ).toBeUndefined();
  });

  it('agrees with pricing afresh for every value of `first`', () => {
    const cache = new PriceCache();
    const q = `query($n: Int) { items(first: $n) { id report { total } } }`;
    const doc = parse(q);
    for (const n of [1, 5, 1, 100, 5]) {
      const hit = cache.lookup(doc, undefined, { n });
      const fresh = priceOperation(schema, doc, { n });
      if (hit.price) expect(hit.price).toEqual(fresh);
      else cache.store(doc, hit.key, fresh);
    }
    expect(cache.lookup(doc, undefined, { n: 100 }).price).toEqual(price(q, { n: 100 }));
  });
});
