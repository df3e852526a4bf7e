import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AccessPolicy, Actor } from '@yvc/identity';
import { ClubsService, UnitsService } from '@yvc/org';
import { CurrentActor, Staff } from '../common/decorators';
import { ClubModel } from './club.model';
import { UnitModel } from './unit.model';

@ObjectType('StaffScope', { description: 'Where a staff account works: what its console lists.' })
export class StaffScopeModel {
  @Field(() => [UnitModel], {
    description: 'the units you may schedule events in (your units and everything under them; ADMIN: all)',
  })
  units: UnitModel[];

  @Field(() => [ClubModel], {
    description: 'the active clubs you look after (yours and those of your units), in Kazakh order',
  })
  clubs: ClubModel[];
}

@Resolver(() => StaffScopeModel)
export class StaffScopeResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
  ) {}

  @Staff()
  @Query(() => StaffScopeModel, {
    description: "The caller's clubs and units (COORDINATOR, COMMISSION: their assignments; ADMIN: all).",
  })
  async myStaffScope(@CurrentActor() actor: Actor): Promise<StaffScopeModel> {
    const scope = await this.policy.scope(actor);
    const all = await this.units.findAll();
    const unitIds = scope === 'ALL' ? null : new Set(scope.unitIds);
    return {
      units: unitIds ? all.filter((u) => unitIds.has(u.id)) : all,
      clubs: await this.clubs.findActive(scope === 'ALL' ? 'ALL' : scope.clubIds),
    };
  }
}
