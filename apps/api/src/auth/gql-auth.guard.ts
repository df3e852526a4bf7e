import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { CommonError, commonError } from '@yvc/core';
import { Actor, AuthService, Role } from '@yvc/identity';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, ROLES, gqlContext } from '../common/decorators';

/** "Bearer <token>" (the scheme in any case). */
const BEARER = /^bearer\s+(\S+)$/i;

/**
 * The global guard. Every operation must say who may call it: @Public() or @Roles(...).
 * One that says neither is refused (fail closed), and a test lists the schema to catch it early.
 * A guarded operation needs a valid access token (Authorization: Bearer) whose session has not
 * ended: AuthService.actorFromAccessToken, which answers from memory (SessionRevocations).
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles?.length) throw commonError(CommonError.FORBIDDEN);
    const req = this.getRequest(context);
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    const actor = token ? await this.auth.actorFromAccessToken(token) : null;
    if (!actor) throw commonError(CommonError.UNAUTHENTICATED);
    req.user = actor;
    if (!roles.includes(actor.role)) throw commonError(CommonError.FORBIDDEN);
    return true;
  }

  private getRequest(context: ExecutionContext): FastifyRequest & { user?: Actor } {
    return context.getType<GqlContextType>() === 'graphql'
      ? gqlContext(context).req
      : context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
  }
}
