import { VIEWER_SOURCE } from '@app/core';
import { Module } from '@nestjs/common';
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
export class IdentityModule {}
