export * from './units/unit.entity';
export * from './units/unit-tree';
export * from './units/units.service';
export * from './clubs/club.entity';
export * from './clubs/club-input';
export * from './clubs/clubs.service';
export * from './org.errors';
export * from './org.module';
