import { registerEnumType } from '@nestjs/graphql';
import { MemberLocale, MemberStatus, Role } from '@yvc/identity';
import { InstitutionKind, UnitLevel } from '@yvc/org';

registerEnumType(Role, { name: 'Role' });
registerEnumType(MemberLocale, { name: 'Locale' });
registerEnumType(MemberStatus, { name: 'MemberStatus' });
registerEnumType(UnitLevel, { name: 'UnitLevel' });
registerEnumType(InstitutionKind, { name: 'InstitutionKind' });
