import { NodeRegistry, VIEWER_SOURCE } from '@app/core';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordResetIssuer } from './password-reset/password-reset-issuer';
import { PasswordResetResolver } from './password-reset/password-reset.resolver';
import { PasswordResetService } from './password-reset/password-reset.service';
import { PasswordResetThrottle } from './password-reset/password-reset-throttle';
import { PasswordResetsRepository } from './password-reset/password-resets.repository';
import { ReputationService } from './reputation.service';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './user.entity';
import { UsersLoader } from './users.loader';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [
    UsersRepository,
    UsersService,
    AuthService,
    PasswordHasher,
    LoginThrottle,
    ReputationService,
    UsersLoader,
    UsersResolver,
    SessionsRepository,
    SessionsService,
    SessionsResolver,
    PasswordResetsRepository,
    PasswordResetThrottle,
    PasswordResetService,
    PasswordResetResolver,
    PasswordResetIssuer,
    // A token's viewer is found through its session, which must still be open.
    { provide: VIEWER_SOURCE, useExisting: SessionsService },
  ],
  exports: [UsersService, ReputationService, UsersLoader, PasswordResetIssuer, VIEWER_SOURCE],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly users: UsersLoader,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(UserEntity, 'User');
  }

  onModuleInit(): void {
    this.nodes.register('User', (id, _viewer, loaders) => this.users.load(loaders, id));
  }
}
