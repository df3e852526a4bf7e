import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Extensions, GqlExecutionContext } from '@nestjs/graphql';
import { Actor, Role } from '@yvc/identity';
import type { GqlContext } from '../graphql/graphql-context';

export const IS_PUBLIC = 'yvc:public';
export const ROLES = 'yvc:roles';

/** Anyone may call this, logged in or not. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call this; scope within the role is checked by the domain's AccessPolicy. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Any logged-in account. */
export const Authenticated = () => Roles(Role.MEMBER, Role.COORDINATOR, Role.COMMISSION, Role.ADMIN);

/** Staff accounts: coordinators, commission officers, admins. */
export const Staff = () => Roles(Role.COORDINATOR, Role.COMMISSION, Role.ADMIN);

/**
 * A report or export: a field that reads a whole scope or builds a document. It costs `cost` in
 * the complexity budget (GRAPHQL_MAX_COMPLEXITY; about one unit per row it reads or returns, as a
 * list item would) and counts toward GRAPHQL_MAX_REPORTS per operation (graphql/plugins.ts).
 */
export const Report = (cost: number) => Extensions({ report: cost });

export function gqlContext(ctx: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(ctx).getContext<GqlContext>();
}

/** The caller of a guarded operation (set by the JWT guard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = gqlContext(ctx).req.user;
  if (!actor) throw new Error('CurrentActor used on an operation without a role declaration');
  return actor;
});
