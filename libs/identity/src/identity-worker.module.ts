import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import {
  IDENTITY_MAINTENANCE_QUEUE,
  IdentityMaintenanceProcessor,
} from './identity-maintenance.processor';
import { PasswordResetsRepository } from './password-reset/password-resets.repository';
import { SessionsRepository } from './sessions/sessions.repository';

/** The worker side of identity: the hourly purge of expired sessions and password resets. */
@Module({
  imports: [BullModule.registerQueue({ name: IDENTITY_MAINTENANCE_QUEUE })],
  providers: [SessionsRepository, PasswordResetsRepository, IdentityMaintenanceProcessor],
})
export class IdentityWorkerModule {}
