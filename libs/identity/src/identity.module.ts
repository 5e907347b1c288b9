import { NodeRegistry, VIEWER_SOURCE } from '@app/core';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { ReputationService } from './reputation.service';
import { UserEntity } from './user.entity';
import { UsersLoader } from './users.loader';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [
    UsersService,
    AuthService,
    PasswordHasher,
    LoginThrottle,
    ReputationService,
    UsersLoader,
    UsersResolver,
    { provide: VIEWER_SOURCE, useExisting: UsersService },
  ],
  exports: [UsersService, ReputationService, UsersLoader, VIEWER_SOURCE],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly users: UsersLoader,
  ) {}

  onModuleInit(): void {
    this.nodes.register('User', (id, _viewer, ctx) => this.users.load(ctx, id));
  }
}
