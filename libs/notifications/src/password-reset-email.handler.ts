import {
  APP_CONFIG,
  AppConfig,
  DomainEvent,
  DomainEventHandler,
  DomainEventHandlers,
} from '@app/core';
import { IDENTITY_EVENTS, PasswordResetIssuer } from '@app/identity';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MAIL_TRANSPORT, MailTransport } from './email/mail-transport';
import { passwordResetEmail } from './email/password-reset-email';

/**
 * Emails the reset link a member asked for. The token is made here, just before sending (the
 * event carries none), and lives only in this email: nothing logs it. A retried event makes a
 * new token for its reset unless the first email was already accepted, so a retry after a
 * refused send still delivers a working link, and one after a delivered send sends nothing.
 */
@Injectable()
export class PasswordResetEmailHandler
  implements DomainEventHandler<typeof IDENTITY_EVENTS.passwordResetRequested>, OnModuleInit
{
  private readonly logger = new Logger(PasswordResetEmailHandler.name);
  readonly handles = IDENTITY_EVENTS.passwordResetRequested;

  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly issuer: PasswordResetIssuer,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(event: DomainEvent<typeof IDENTITY_EVENTS.passwordResetRequested>): Promise<void> {
    if (!this.transport) {
      // Without SMTP no token is made at all: a reset nobody can receive is only a liability.
      this.logger.warn('SMTP_URL is not set: a password reset email was not sent');
      return;
    }
    const { userId } = event.payload;
    const reset = await this.issuer.issue(event.id, userId);
    if (!reset) return;
    const email = passwordResetEmail({
      recipientHandle: reset.handle,
      publicUrl: this.config.publicUrl,
      token: reset.token,
    });
    await this.transport.sendMail({ to: reset.email, subject: email.subject, text: email.text });
    await this.issuer.markEmailed(reset.resetId);
  }
}
