import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessPolicy, Actor, Role } from '@yvc/identity';
import { UnitsService, unitName } from '@yvc/org';
import { CurrentActor, Public, Roles } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { ClubModel } from './club.model';
import { UnitModel } from './unit.model';

@Resolver(() => UnitModel)
export class UnitResolver {
  constructor(
    private readonly units: UnitsService,
    private readonly policy: AccessPolicy,
  ) {}

  @Public()
  @Query(() => [UnitModel], {
    name: 'units',
    description: 'Every unit: the region first, then cities, then districts.',
  })
  allUnits(): Promise<UnitModel[]> {
    return this.units.findAll();
  }

  @Public()
  @Query(() => UnitModel, { nullable: true })
  unit(@Args('code') code: string): Promise<UnitModel | null> {
    return this.units.findByCode(code);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Query(() => [UnitModel], {
    description:
      'The units you manage (clubs and staff): COMMISSION its unit and everything under it, ADMIN all; in the order of `units`.',
  })
  async managedUnits(@CurrentActor() actor: Actor): Promise<UnitModel[]> {
    const all = await this.units.findAll();
    const scope = await this.policy.scope(actor);
    if (scope === 'ALL') return all;
    const mine = new Set(scope.unitIds);
    return all.filter((u) => mine.has(u.id));
  }

  @ResolveField(() => String, { description: "in the caller's locale" })
  name(@Parent() u: UnitModel, @Context() ctx: GqlContext): string {
    return unitName(u, ctx.locale);
  }

  @ResolveField(() => UnitModel, { nullable: true })
  parent(@Parent() u: UnitModel, @Context() ctx: GqlContext) {
    return u.parentId ? ctx.loaders.unit.load(u.parentId) : null;
  }

  @ResolveField(() => [UnitModel])
  children(@Parent() u: UnitModel, @Context() ctx: GqlContext) {
    return ctx.loaders.unitChildren.load(u.id);
  }

  @ResolveField(() => [ClubModel], { description: 'Active clubs of this unit.' })
  clubs(@Parent() u: UnitModel, @Context() ctx: GqlContext) {
    return ctx.loaders.clubsOfUnit.load(u.id);
  }
}
