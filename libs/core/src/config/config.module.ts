import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfigOrExit } from './config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the validated AppConfig to every module; read when the module graph is built. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfigOrExit() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
