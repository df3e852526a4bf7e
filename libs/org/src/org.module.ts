import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Club } from './clubs/club.entity';
import { ClubsService } from './clubs/clubs.service';
import { Unit } from './units/unit.entity';
import { UnitsService } from './units/units.service';

@Module({
  imports: [TypeOrmModule.forFeature([Unit, Club])],
  providers: [UnitsService, ClubsService],
  exports: [UnitsService, ClubsService],
})
export class OrgModule {}
