import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UnitLevel } from '@yvc/org';
import '../graphql/enums';

/** A territorial unit with its election commission: the region, a city, a district. */
@ObjectType('Unit')
export class UnitModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'stable, e.g. "zhambyl", "zhambyl.taraz", "zhambyl.merke"' })
  code: string;

  @Field(() => UnitLevel)
  level: UnitLevel;

  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}
