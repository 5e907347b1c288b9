import { AppConfig, DomainEventHandlers, RecordedEvent } from '@app/core';
import { ThreadSubscriptionsService } from '@app/forum';
import { UserEntity, UsersService } from '@app/identity';
import { Job } from 'bullmq';
import { EmailJob } from './email/email-queue';
import { EmailProcessor } from './email/email.processor';
import { EmailScheduler } from './email/email-scheduler';
import { MailTransport } from './email/mail-transport';
import { ForumNotificationsHandler } from './forum-notifications.handler';
import { LivePublisher } from './live/live-publisher';
import { NotificationKind } from './notification-kind';
import { NotificationMetrics } from './notification-metrics';
import { NotificationWriter } from './notification-writer';
import {
  NotificationDraft,
  NotificationsRepository,
  WrittenNotification,
} from './notifications.repository';
import { Notifier } from './notifier';

const AUTHOR = 'a0000000-0000-4000-8000-000000000000';
const MENTIONED = 'b0000000-0000-4000-8000-000000000000';
const SUBSCRIBER = 'c0000000-0000-4000-8000-000000000000';

const draft: NotificationDraft = {
  kind: NotificationKind.NEW_ANSWER,
  message: '@ada answered “Roaming”',
  subjectType: 'Post',
  subjectId: 'd0000000-0000-4000-8000-000000000000',
  actorId: AUTHOR,
  eventId: '7',
};

function metrics() {
  const inc = jest.fn();
  return { metrics: { written: { inc } } as unknown as NotificationMetrics, inc };
}

describe('writing notifications', () => {
  it('writes nothing and issues no statement for nobody', async () => {
    const repository = { writeOnce: jest.fn() };
    const { metrics: counted, inc } = metrics();
    const writer = new NotificationWriter(
      repository as unknown as NotificationsRepository,
      counted,
    );
    expect(await writer.write([], draft)).toEqual([]);
    expect(repository.writeOnce).not.toHaveBeenCalled();
    expect(inc).not.toHaveBeenCalled();
  });

  it('counts only what this attempt wrote, and hands back what earlier attempts wrote too', async () => {
    const written: WrittenNotification[] = [
      { id: 'n1', recipientId: MENTIONED, fresh: true },
      { id: 'n2', recipientId: SUBSCRIBER, fresh: false },
    ];
    const repository = { writeOnce: jest.fn(async () => written) };
    const { metrics: counted, inc } = metrics();
    const writer = new NotificationWriter(
      repository as unknown as NotificationsRepository,
      counted,
    );
    expect(await writer.write([MENTIONED, SUBSCRIBER], draft)).toEqual(written);
    expect(inc).toHaveBeenCalledWith({ kind: NotificationKind.NEW_ANSWER }, 1);
  });
});

describe('delivering notifications', () => {
  it('pushes live only what this attempt wrote, and schedules email for all of them', async () => {
    const written: WrittenNotification[] = [
      { id: 'n1', recipientId: MENTIONED, fresh: true },
      { id: 'n2', recipientId: SUBSCRIBER, fresh: false },
    ];
    const writer = { write: jest.fn(async () => written) };
    const live = { notificationsAdded: jest.fn(async () => undefined) };
    const emails = { schedule: jest.fn(async () => undefined) };
    const notifier = new Notifier(
      writer as unknown as NotificationWriter,
      live as unknown as LivePublisher,
      emails as unknown as EmailScheduler,
    );
    await notifier.notify([MENTIONED, SUBSCRIBER], draft);
    expect(live.notificationsAdded).toHaveBeenCalledTimes(1);
    expect(live.notificationsAdded).toHaveBeenCalledWith([
      { recipientId: MENTIONED, notificationId: 'n1' },
    ]);
    // Scheduling is keyed by notification id, so the retry's emails are queued once.
    expect(emails.schedule).toHaveBeenCalledWith(NotificationKind.NEW_ANSWER, written);
  });
});

describe('forum events', () => {
  const member = (id: string, handle: string) => ({ id, handle }) as UserEntity;

  function handlerWith(subscribers: string[]) {
    const handlers = new DomainEventHandlers();
    const notified: Array<{ to: readonly string[]; kind: NotificationKind }> = [];
    const notifier = {
      notify: jest.fn(async (to: readonly string[], d: NotificationDraft) => {
        if (to.length > 0) notified.push({ to, kind: d.kind });
      }),
    };
    const users = {
      findById: jest.fn(async (id: string) => (id === AUTHOR ? member(AUTHOR, 'ada') : null)),
      idsByHandles: jest.fn(async (handles: readonly string[]) =>
        handles.flatMap((handle) =>
          handle === 'bob' ? [MENTIONED] : handle === 'ada' ? [AUTHOR] : [],
        ),
      ),
    };
    const subscriptions = {
      subscriberIds: async function* () {
        yield subscribers;
      },
    };
    new ForumNotificationsHandler(
      handlers,
      notifier as unknown as Notifier,
      subscriptions as unknown as ThreadSubscriptionsService,
      users as unknown as UsersService,
    ).onModuleInit();
    const dispatch = (type: string, payload: unknown) =>
      handlers.dispatch({
        id: '7',
        type,
        payload,
        occurredAt: new Date().toISOString(),
      } as RecordedEvent);
    return { dispatch, notified };
  }

  it('tells a mentioned subscriber of the MENTION only, and the author nothing', async () => {
    const { dispatch, notified } = handlerWith([AUTHOR, MENTIONED, SUBSCRIBER]);
    await dispatch('post.created', {
      postId: draft.subjectId,
      threadId: 'e0000000-0000-4000-8000-000000000000',
      authorId: AUTHOR,
      threadTitle: 'Roaming',
      mentionedHandles: ['bob', 'ada', 'nobody'],
    });
    expect(notified).toEqual([
      { to: [MENTIONED], kind: NotificationKind.MENTION },
      { to: [SUBSCRIBER], kind: NotificationKind.NEW_ANSWER },
    ]);
  });

  it('tells nobody when a member accepts their own answer', async () => {
    const { dispatch, notified } = handlerWith([]);
    await dispatch('solution.accepted', {
      postId: draft.subjectId,
      threadId: 'e0000000-0000-4000-8000-000000000000',
      answererId: AUTHOR,
      acceptedById: AUTHOR,
      threadTitle: 'Roaming',
    });
    expect(notified).toEqual([]);
  });

  it('fails the event (to be retried) when its author cannot be found', async () => {
    const { dispatch } = handlerWith([]);
    await expect(
      dispatch('kudo.given', {
        postId: draft.subjectId,
        threadId: 'e0000000-0000-4000-8000-000000000000',
        giverId: SUBSCRIBER,
        authorId: AUTHOR,
        threadTitle: 'Roaming',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});

describe('notification emails', () => {
  const job = { data: { notificationId: 'n1' } } as Job<EmailJob>;

  function processorWith(emailedAt: Date | null) {
    const transport = { sendMail: jest.fn(async () => ({})) };
    const repository = {
      toEmail: jest.fn(async () => ({
        kind: NotificationKind.MENTION,
        message: '@ada mentioned you',
        recipientId: MENTIONED,
        emailedAt,
      })),
      markEmailed: jest.fn(async () => undefined),
    };
    const users = {
      findById: jest.fn(async () => member()),
    };
    const member = () => ({ id: MENTIONED, handle: 'bob', email: 'bob@example.com' }) as UserEntity;
    const sent = { inc: jest.fn() };
    const processor = new EmailProcessor(
      { publicUrl: 'https://community.example' } as AppConfig,
      transport as unknown as MailTransport,
      repository as unknown as NotificationsRepository,
      users as unknown as UsersService,
      { emailsSent: sent } as unknown as NotificationMetrics,
    );
    return { processor, transport, repository, sent };
  }

  it('sends the email to the recipient, then marks it sent', async () => {
    const { processor, transport, repository, sent } = processorWith(null);
    await processor.process(job);
    expect(transport.sendMail).toHaveBeenCalledWith(
      expect.objectContaining({ to: 'bob@example.com', subject: 'You were mentioned' }),
    );
    expect(repository.markEmailed).toHaveBeenCalledWith('n1');
    expect(sent.inc).toHaveBeenCalledWith({ kind: NotificationKind.MENTION });
  });

  it('sends nothing again for a notification already emailed', async () => {
    const { processor, transport, repository } = processorWith(new Date());
    await processor.process(job);
    expect(transport.sendMail).not.toHaveBeenCalled();
    expect(repository.markEmailed).not.toHaveBeenCalled();
  });

  it("links the email to the page its job names, such as the case's", async () => {
    const { processor, transport } = processorWith(null);
    await processor.process({ data: { notificationId: 'n1', path: '/cases/12' } } as Job<EmailJob>);
    expect(transport.sendMail).toHaveBeenCalledWith(
      expect.objectContaining({
        text: expect.stringContaining('https://community.example/cases/12'),
      }),
    );
  });
});

describe('scheduling emails', () => {
  it('carries the page to link to in the job, keyed by the notification', async () => {
    const queue = { on: jest.fn(), addBulk: jest.fn(async () => []) };
    const scheduler = new EmailScheduler(
      { smtpUrl: 'smtp://127.0.0.1:2525' } as AppConfig,
      queue as never,
    );
    await scheduler.schedule(
      NotificationKind.CASE_REPLY,
      [{ id: 'n1', recipientId: MENTIONED, fresh: true }],
      '/cases/12',
    );
    expect(queue.addBulk).toHaveBeenCalledWith([
      {
        name: NotificationKind.CASE_REPLY,
        data: { notificationId: 'n1', path: '/cases/12' },
        opts: { jobId: 'notification-n1' },
      },
    ]);
  });
});
