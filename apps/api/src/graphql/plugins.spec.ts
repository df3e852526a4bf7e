import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { priceOperation } from './plugins';

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
