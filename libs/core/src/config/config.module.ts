import { Global, Module } from '@nestjs/common';
import { Clock } from '../clock';
import { AppConfig, loadConfig } from './config.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads the environment once at boot; a bad value stops the process (see each main.ts). */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() }, Clock],
  exports: [APP_CONFIG, Clock],
})
export class ConfigModule {}
