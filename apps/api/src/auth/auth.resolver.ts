import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, AuthService, MembersService, TokenPair } from '@yvc/identity';
import { Authenticated, CurrentActor, Public } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { AuthPayload } from './auth-payload.model';
import { SignUpInput } from './sign-up.input';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly members: MembersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates a young member (14-35) and logs them in.' })
  async signUp(@Args('input') input: SignUpInput, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.payload(await this.auth.signUpAndLogin(input, ctx.req.ip ?? 'unknown'), ctx);
  }

  @Public()
  @Mutation(() => AuthPayload)
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: GqlContext,
  ): Promise<AuthPayload> {
    return this.payload(await this.auth.login(email, password, ctx.req.ip ?? 'unknown'), ctx);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Rotates a refresh token; reusing an old one ends the session.',
  })
  async refreshToken(
    @Args('refreshToken') refreshToken: string,
    @Context() ctx: GqlContext,
  ): Promise<AuthPayload> {
    return this.payload(await this.auth.refresh(refreshToken), ctx);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends the current session and its refresh tokens.' })
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor.sessionId);
    return true;
  }

  /** From here on the request speaks for the member who just proved who they are (their own fields show). */
  private async payload(pair: TokenPair, ctx: GqlContext): Promise<AuthPayload> {
    ctx.req.user = pair.actor;
    return {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      member: await this.members.get(pair.memberId),
    };
  }
}
