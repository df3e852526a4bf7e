import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { CommonError, commonError } from '@yvc/core';
import { Actor, Role } from '@yvc/identity';
import { IS_PUBLIC, ROLES, gqlContext } from '../common/decorators';

/**
 * The global guard. Every operation must say who may call it: @Public() or @Roles(...).
 * One that says neither is refused (fail closed), and a test lists the schema to catch it early.
 */
@Injectable()
export class GqlAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles?.length) throw commonError(CommonError.FORBIDDEN);
    await super.canActivate(context);
    const actor = this.getRequest(context).user as Actor;
    if (!roles.includes(actor.role)) throw commonError(CommonError.FORBIDDEN);
    return true;
  }

  override getRequest(context: ExecutionContext) {
    return context.getType<GqlContextType>() === 'graphql'
      ? gqlContext(context).req
      : context.switchToHttp().getRequest();
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw commonError(CommonError.UNAUTHENTICATED);
    return user;
  }
}
