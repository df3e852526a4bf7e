import { Module } from '@nestjs/common';
import { IdentityModule } from '@yvc/identity';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [IdentityModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
