import { MetricsRegistry } from '@app/core';
import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { EMAILED_KINDS } from './email/email-queue';
import { NotificationKind } from './notification-kind';

/** How much the worker's fan-out delivers: notifications written and emails sent, by kind. */
@Injectable()
export class NotificationMetrics {
  readonly written: Counter<'kind'>;
  readonly emailsSent: Counter<'kind'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.written = new Counter({
      name: 'notifications_written_total',
      help: 'Notifications written, by kind (a redelivered event writes nothing twice)',
      labelNames: ['kind'],
      registers,
    });
    this.emailsSent = new Counter({
      name: 'notification_emails_sent_total',
      help: 'Notification emails the mail server accepted, by kind',
      labelNames: ['kind'],
      registers,
    });
    // Every kind at zero from the start, so that the first of each is an increase rate() sees.
    for (const kind of Object.values(NotificationKind)) this.written.inc({ kind }, 0);
    for (const kind of EMAILED_KINDS) this.emailsSent.inc({ kind }, 0);
  }
}
