import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { AppConfig, localeFromAcceptLanguage } from '@yvc/core';
import depthLimit from 'graphql-depth-limit';
import type { GqlContext, GqlRequest } from './graphql-context';
import { LoadersFactory } from './loaders';
import { DateTimeScalar } from './scalars';
import { complexityPlugin, controlCharsPlugin, errorPresenterPlugin } from './plugins';

/** Apollo settings: code-first schema, limits, the error presenter, per-request loaders. */
export function graphqlConfig(config: AppConfig, loaders: LoadersFactory): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    autoSchemaFile: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
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
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
    context: ({ req, res }: { req: GqlRequest; res: GqlContext['res'] }): GqlContext => ({
      req,
      res,
      locale: localeFromAcceptLanguage(req.headers['accept-language']),
      loaders: loaders.create(() => req.user),
    }),
  };
}
