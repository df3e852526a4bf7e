import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { Actor, AuthService } from '@yvc/identity';
import { ExtractJwt, Strategy } from 'passport-jwt';

/** Bearer access tokens (HS256, short-lived); the session behind each is checked on every request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      issuer: 'yvc',
      ignoreExpiration: false,
    });
  }

  validate(payload: Record<string, unknown>): Promise<Actor | null> {
    return this.auth.actorFromClaims(payload);
  }
}
