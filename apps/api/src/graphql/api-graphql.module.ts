import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { CredentialsModule } from '@yvc/credentials';
import { NotificationsModule } from '@yvc/notifications';
import { graphqlConfig } from './graphql.config';
import { LoadersFactory } from './loaders';

@Module({
  imports: [NotificationsModule, CredentialsModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}

export const ApiGraphQLModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [LoadersModule],
  inject: [APP_CONFIG, LoadersFactory],
  useFactory: (config: AppConfig, loaders: LoadersFactory) => graphqlConfig(config, loaders),
});
