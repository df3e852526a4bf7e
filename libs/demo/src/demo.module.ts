import { Module } from '@nestjs/common';
import { EventsModule } from '@yvc/events';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [EventsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
