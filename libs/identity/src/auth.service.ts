import { AccountStatus, unauthenticated } from '@app/core';
import { Injectable } from '@nestjs/common';
import { AuthPayload } from './dto/auth-payload.type';
import { LoginInput } from './dto/login.input';
import { RegisterInput } from './dto/register.input';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { effectiveStatus } from './reputation';
import { SessionsService } from './sessions/sessions.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const BAD_CREDENTIALS = 'The email or password is not correct';

/** Registration and login: each opens a session and returns its bearer token. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly members: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
  ) {}

  /** Registers a member and signs them in. */
  async register(input: RegisterInput): Promise<AuthPayload> {
    const user = await this.users.register(input);
    return { token: (await this.sessions.start(user.id)).token, user };
  }

  /**
   * Signs a member in from a client address. Each attempt is counted before the password is
   * checked; unknown email and wrong password fail alike and keep their count.
   */
  async login(input: LoginInput, clientAddress: string): Promise<AuthPayload> {
    await this.throttle.attempt(input.email, clientAddress);
    const user = await this.members.findByEmail(input.email, true);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !valid) throw unauthenticated(BAD_CREDENTIALS);
    await this.throttle.succeeded(input.email, clientAddress);
    if (effectiveStatus(user.status, user.statusUntil) === AccountStatus.SUSPENDED) {
      throw unauthenticated('This account is suspended');
    }
    return { token: (await this.sessions.start(user.id)).token, user };
  }
}
