import { APP_CONFIG, AppConfig } from '@app/core';
import { Provider } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';

/**
 * The SMTP transport, or null when SMTP_URL is not set (then no email is sent). Not pooled: each
 * message opens and closes its own connection, so nothing lingers when the worker stops.
 */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export type MailTransport = Transporter | null;

export const mailTransportProvider: Provider = {
  provide: MAIL_TRANSPORT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): MailTransport =>
    config.smtpUrl ? createTransport(config.smtpUrl, { from: config.mailFrom }) : null,
};
