import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { CommonError, DomainError, ApiErrorCode, DEFAULT_LOCALE, localeFromAcceptLanguage } from '@yvc/core';
import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  getVariableValues,
  separateOperations,
  visit,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { GqlContext } from './graphql-context';
import { presentGraphQLError } from './error-presenter';

const fallbackLog = {
  error: (obj: object, msg: string) => console.error(JSON.stringify({ level: 50, msg, ...obj })),
};

/**
 * Rewrites every error of a response through presentGraphQLError, in the caller's language.
 * `hideSuggestions` (production) drops graphql-js's "Did you mean ...?" hints everywhere.
 */
export function errorPresenterPlugin(
  options: { hideSuggestions?: boolean } = {},
): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc: GraphQLRequestContext<GqlContext>) {
          const body = rc.response.body;
          if (body?.kind !== 'single' || !rc.errors?.length) return;
          const req = rc.contextValue?.req;
          const locale =
            rc.contextValue?.locale ??
            localeFromAcceptLanguage(req?.headers?.['accept-language']) ??
            DEFAULT_LOCALE;
          const log = (req as unknown as { yvcLog?: typeof fallbackLog })?.yvcLog ?? fallbackLog;
          body.singleResult.errors = rc.errors.map((e) => presentGraphQLError(e, locale, log, options));
        },
      };
    },
  };
}

/** What `first: N` multiplies below a field (at most 100, as the connections clamp it); null without it. */
const firstOf = (args: Record<string, unknown> | undefined): number | null =>
  typeof args?.first === 'number' ? Math.max(1, Math.min(args.first, 100)) : null;

/** The cost a report field declares (`@Report(cost)`: GraphQL field extension `report`), else null. */
function reportCost(field: { extensions?: Record<string, unknown> | null }): number | null {
  const cost = field.extensions?.report;
  return typeof cost === 'number' ? cost : null;
}

/** A report costs what it declares plus what is below it. */
const reportEstimator: ComplexityEstimator = ({ field, childComplexity }) => {
  const cost = reportCost(field);
  return cost === null ? undefined : cost + childComplexity;
};

/** `first: N` multiplies what is below it; every other field costs 1. */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = firstOf(args);
  return first ? 1 + childComplexity * first : undefined;
};

/** The same walk counting reports only: each report field is 1, multiplied by `first` above it. */
const reportCounter: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (reportCost(field) !== null) return 1 + childComplexity;
  const first = firstOf(args);
  return first ? childComplexity * first : childComplexity;
};

/** Fields the pricer walks at most: past that the operation is refused (QUERY_TOO_COMPLEX). */
const MAX_NODES = 10_000;
/** how graphql-query-complexity says so */
const TOO_MANY_NODES = /maximum allowed number of nodes/;

export interface OperationPrice {
  /** the complexity: 1 per field, `first: N` multiplying below it, a report what it declares */
  cost: number;
  /** report fields the operation would run: every alias, fragment and `first`-item counted */
  reports: number;
}

/**
 * Prices one operation before it runs (graphql-query-complexity walks aliases, named and inline
 * fragments, and leaves out what @skip/@include remove). A field mentioned twice counts twice even
 * where GraphQL would merge the two, which errs on the side of refusing.
 */
export function priceOperation(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown>,
): OperationPrice {
  const cost = getComplexity({
    schema,
    query,
    variables,
    maxQueryNodes: MAX_NODES,
    estimators: [reportEstimator, connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  const reports = getComplexity({
    schema,
    query,
    variables,
    maxQueryNodes: MAX_NODES,
    estimators: [reportCounter],
  });
  return { cost, reports };
}

/**
 * What a plugin hook throws to refuse a request: Apollo answers an error thrown before execution
 * with HTTP 500 unless it names a status, so this names 400. A DomainError keeps its reason; a
 * graphql-js error (a variable that does not parse) becomes INVALID_QUERY (error-presenter.ts).
 */
function badRequest(err: DomainError | GraphQLError): GraphQLError {
  const http = { status: 400 };
  if (err instanceof DomainError)
    return new GraphQLError(err.message, { originalError: err, extensions: { http } });
  return new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: 'BAD_USER_INPUT', http } });
}

/**
 * The variables an operation's price can depend on: those inside a `first:` argument (the
 * estimators read no other argument) or an `if:` one (@skip/@include leave fields out). Any
 * argument so named counts, on a field or a directive: that errs on the side of pricing again.
 */
export function priceVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' && node.name.value !== 'if') return;
      visit(node.value, {
        Variable(v) {
          names.add(v.name.value);
        },
      });
    },
  });
  return [...names].sort();
}

/** At most this many prices are kept per document (one per operation and value of its `first`/`if` variables). */
const PRICES_PER_DOCUMENT = 64;

/**
 * Prices per parsed document: Apollo hands the same DocumentNode for the same query text (its
 * document store), so a document is walked for its price variables once, and an operation is
 * priced once per value of those variables, not per request. Documents are keys of a WeakMap:
 * when Apollo's store drops one, its prices go too.
 */
export class PriceCache {
  private readonly documents = new WeakMap<
    DocumentNode,
    { variables: string[]; prices: Map<string, OperationPrice> }
  >();

  private entry(document: DocumentNode) {
    let entry = this.documents.get(document);
    if (!entry)
      this.documents.set(document, (entry = { variables: priceVariables(document), prices: new Map() }));
    return entry;
  }

  /** The cached price, or undefined; `key` is what `store` takes with the price. */
  lookup(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ): { price: OperationPrice | undefined; key: string } {
    const entry = this.entry(document);
    const key = JSON.stringify([operationName ?? null, ...entry.variables.map((v) => variables[v] ?? null)]);
    return { price: entry.prices.get(key), key };
  }

  store(document: DocumentNode, key: string, price: OperationPrice): void {
    const prices = this.entry(document).prices;
    if (prices.size < PRICES_PER_DOCUMENT) prices.set(key, price);
  }
}

/**
 * Refuses, before anything runs, an operation with more than `maxReports` report fields
 * (TOO_MANY_REPORTS) or costing more than `maxCost` (QUERY_TOO_COMPLEX). Apollo serves one
 * operation per HTTP request (batching is off), so these are per request too. Prices are cached
 * per document (PriceCache): a request whose cached price is within the limits costs a look-up.
 */
export function complexityPlugin(
  maxCost: number,
  maxReports: number,
  cache = new PriceCache(),
): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, operation, schema }) {
          const variables = request.variables ?? {};
          const cached = cache.lookup(document, operationName, variables);
          let price = cached.price;
          if (price && price.reports <= maxReports && price.cost <= maxCost) return;
          // variables that do not fit their types: execution refuses them (BAD_USER_INPUT, 400)
          // before anything runs, so there is nothing to price (getComplexity would throw a 500)
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
          if (coerced.errors) return;
          if (!price) {
            const query = operationName
              ? (separateOperations(document)[operationName] ?? document)
              : document;
            try {
              price = priceOperation(schema, query, variables);
            } catch (err) {
              if (!(err instanceof GraphQLError)) throw err;
              throw badRequest(
                TOO_MANY_NODES.test(err.message)
                  ? new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.QUERY_TOO_COMPLEX, {
                      detail: `> ${MAX_NODES}`,
                    })
                  : err,
              );
            }
            cache.store(document, cached.key, price);
          }
          if (price.reports > maxReports) {
            throw badRequest(
              new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.TOO_MANY_REPORTS, {
                max: maxReports,
                count: price.reports,
              }),
            );
          }
          if (price.cost > maxCost) {
            throw badRequest(
              new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.QUERY_TOO_COMPLEX, {
                detail: `${price.cost} > ${maxCost}`,
              }),
            );
          }
        },
      };
    },
  };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function hasControlChars(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL_CHARS.test(value);
  if (Array.isArray(value)) return value.some(hasControlChars);
  if (value && typeof value === 'object') return Object.values(value).some(hasControlChars);
  return false;
}

/** PostgreSQL refuses NUL in text, and no field of ours needs control characters: BAD_USER_INPUT. */
export function controlCharsPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (hasControlChars(request.query) || hasControlChars(request.variables)) {
            throw badRequest(
              new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.INVALID_QUERY, {
                detail: 'control characters are not allowed',
              }),
            );
          }
        },
      };
    },
  };
}

/**
 * `Cache-Control: no-store` on every GraphQL response: what Apollo's cache-control plugin sent
 * (no field declares a cache hint) without its hook on every field resolution.
 */
export function noStorePlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
