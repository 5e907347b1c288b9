export * from './identity.module';
export * from './identity-worker.module';
export * from './identity.events';
export * from './password-reset/password-reset-issuer';
export { KUDO_REPUTATION, rankFor, SOLUTION_REPUTATION } from './reputation';
export { ReputationService } from './reputation.service';
// Entities go out as types only: other libs read the shape of what a service returns, and
// cannot reach the table (no repository can be made of a type).
export type { UserEntity } from './user.entity';
export { UsersLoader } from './users.loader';
export { UsersService } from './users.service';
export { UserType } from './user.type';
export { IdentityMaintenanceProcessor } from './identity-maintenance.processor';
export { SessionsService } from './sessions/sessions.service';
