import { Module } from '@nestjs/common';
import { ConfigModule } from '@yvc/core';
import { DatabaseModule, RedisModule } from '@yvc/database';
import { DemoModule } from '@yvc/demo';
import { IdentityModule } from '@yvc/identity';

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, IdentityModule, DemoModule] })
export class CliModule {}
