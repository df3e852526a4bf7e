import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { CommonError, DomainError, ApiErrorCode, DEFAULT_LOCALE, localeFromAcceptLanguage } from '@yvc/core';
import { GraphQLError, getVariableValues, separateOperations } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { GqlContext } from './graphql-context';
import { presentGraphQLError } from './error-presenter';

const fallbackLog = {
  error: (obj: object, msg: string) => console.error(JSON.stringify({ level: 50, msg, ...obj })),
};

/** Rewrites every error of a response through presentGraphQLError, in the caller's language. */
export function errorPresenterPlugin(): ApolloServerPlugin<GqlContext> {
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
          const log = (req as unknown as { log?: typeof fallbackLog })?.log ?? fallbackLog;
          body.singleResult.errors = rc.errors.map((e) => presentGraphQLError(e, locale, log));
        },
      };
    },
  };
}

/**
 * Apollo answers an error thrown while it resolves the operation (the hooks below) with HTTP 500
 * unless the error names a status: what those hooks refuse is the client's request, so 400.
 */
function refusal(err: DomainError): GraphQLError {
  return new GraphQLError(err.message, { originalError: err, extensions: { http: { status: 400 } } });
}

/** `first: N` multiplies what is below it; every other field costs 1. */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args?.first === 'number' ? Math.max(1, Math.min(args.first, 100)) : null;
  return first ? 1 + childComplexity * first : undefined;
};

export function complexityPlugin(max: number): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, operation, schema }) {
          // variables that do not fit their types: execution refuses them (BAD_USER_INPUT, 400)
          // before anything runs, so there is nothing to price (getComplexity would throw a 500)
          const coerced = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (coerced.errors) return;
          const query = operationName ? (separateOperations(document)[operationName] ?? document) : document;
          const cost = getComplexity({
            schema,
            query,
            variables: request.variables ?? {},
            estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > max) {
            throw refusal(
              new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.QUERY_TOO_COMPLEX, {
                detail: `${cost} > ${max}`,
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
            throw refusal(
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
