import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { BuildSchemaOptions } from '@nestjs/graphql';
import { AppConfig, localeFromAcceptLanguage } from '@yvc/core';
import depthLimit from 'graphql-depth-limit';
import type { GqlContext, GqlRequest } from './graphql-context';
import { LoadersFactory } from './loaders';
import { DateTimeScalar } from './scalars';
import { complexityPlugin, controlCharsPlugin, errorPresenterPlugin, noStorePlugin } from './plugins';

/** How the code-first schema is built (shared with scripts/print-schema.ts, which prints it for the web app). */
export const SCHEMA_BUILD_OPTIONS: BuildSchemaOptions = {
  scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
};

/** Apollo settings: code-first schema, limits, the error presenter, per-request loaders. */
export function graphqlConfig(config: AppConfig, loaders: LoadersFactory): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    autoSchemaFile: true,
    buildSchemaOptions: SCHEMA_BUILD_OPTIONS,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // no "Did you mean ...?" in validation errors: with introspection off they would name the schema
    hideSchemaDetailsFromClientErrors: production,
    validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
    plugins: [
      errorPresenterPlugin({ hideSuggestions: production }),
      complexityPlugin(config.GRAPHQL_MAX_COMPLEXITY, config.GRAPHQL_MAX_REPORTS),
      controlCharsPlugin(),
      // Apollo's default cache-control plugin hooks every field resolution (a policy object and
      // closures per field: ~22,000 for the country's engagement with its 2,000 club rows) to
      // compute a header that is always `no-store` here (no field has a cache hint, default max
      // age 0); the header is set once per response instead
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
    // @as-integrations/fastify calls it with Fastify's request and reply
    context: (req: GqlRequest, res: GqlContext['res']): GqlContext => ({
      req,
      res,
      locale: localeFromAcceptLanguage(req.headers['accept-language']),
      loaders: loaders.create(() => req.user),
    }),
  };
}
