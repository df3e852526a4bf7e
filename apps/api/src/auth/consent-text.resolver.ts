import { Inject } from '@nestjs/common';
import { Context, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, translate } from '@yvc/core';
import { Public } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';

@ObjectType('ConsentText', {
  description: 'The consent to the processing of personal data that sign-up asks for.',
})
export class ConsentTextModel {
  @Field({ description: 'recorded with every consent given (CONSENT_TEXT_VERSION)' })
  version: string;

  @Field({ description: "the text, in the caller's language" })
  text: string;
}

@Resolver(() => ConsentTextModel)
export class ConsentTextResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The text a sign-up form shows; signUp records this version with the consent. */
  @Public()
  @Query(() => ConsentTextModel, {
    description: 'The consent text shown at sign-up, with the version signUp records.',
  })
  consentText(@Context() ctx: GqlContext): ConsentTextModel {
    return { version: this.config.CONSENT_TEXT_VERSION, text: translate(ctx.locale, 'consent.text') };
  }
}
