import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@yvc/identity';
import { AttendanceExportService } from './calendar/attendance-export.service';
import { CalendarFeed } from './calendar/calendar-feed.entity';
import { CalendarService } from './calendar/calendar.service';
import { CheckInScan } from './check-in/check-in-scan.entity';
import { CheckInService } from './check-in/check-in.service';
import { WalkInThrottle } from './check-in/walk-in-throttle';
import { Event } from './events/event.entity';
import { EventsService } from './events/events.service';
import { SeasonImportService } from './events/season-import.service';
import { Registration } from './registrations/registration.entity';
import { RegistrationsService } from './registrations/registrations.service';

const services = [
  EventsService,
  RegistrationsService,
  CheckInService,
  WalkInThrottle,
  CalendarService,
  AttendanceExportService,
  SeasonImportService,
];

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Event, Registration, CheckInScan, CalendarFeed])],
  providers: services,
  exports: [...services, IdentityModule],
})
export class EventsModule {}
