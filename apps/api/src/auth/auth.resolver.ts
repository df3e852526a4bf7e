import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { Actor, AuthService, MembersService, TokenPair } from '@yvc/identity';
import { Authenticated, CurrentActor, Public } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { AuthPayload } from './auth-payload.model';
import { clearRefreshCookie, isWebClient, refreshCookie, setRefreshCookie } from './refresh-cookie';
import { SignUpInput } from './sign-up.input';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly members: MembersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    description:
      'Rotates a refresh token; reusing an old one ends the session. The web app (header X-YVC-Client: web) ' +
      'leaves the argument out or empty: its token is the httpOnly cookie, rotated in place.',
  })
  async refreshToken(
    @Context() ctx: GqlContext,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<AuthPayload> {
    const fromCookie = !refreshToken && isWebClient(ctx.req);
    const token = refreshToken || (fromCookie ? refreshCookie(ctx.req) : undefined) || '';
    try {
      return await this.payload(await this.auth.refresh(token), ctx);
    } catch (err) {
      // a refused cookie (expired, reused, revoked) is of no further use: drop it
      if (fromCookie) clearRefreshCookie(ctx.req, ctx.res);
      throw err;
    }
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends the current session and its refresh tokens.' })
  async logout(@CurrentActor() actor: Actor, @Context() ctx: GqlContext): Promise<boolean> {
    await this.auth.logout(actor.sessionId);
    if (isWebClient(ctx.req)) clearRefreshCookie(ctx.req, ctx.res);
    return true;
  }

  /** From here on the request speaks for the member who just proved who they are (their own fields show). */
  private async payload(pair: TokenPair, ctx: GqlContext): Promise<AuthPayload> {
    ctx.req.user = pair.actor;
    const web = isWebClient(ctx.req);
    if (web) setRefreshCookie(ctx.req, ctx.res, pair.refreshToken, this.config.REFRESH_TTL_DAYS);
    return {
      accessToken: pair.accessToken,
      // the web app's refresh token is only in its httpOnly cookie, out of reach of page scripts
      refreshToken: web ? '' : pair.refreshToken,
      member: await this.members.get(pair.memberId),
    };
  }
}
