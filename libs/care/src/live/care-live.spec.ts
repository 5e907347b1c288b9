import {
  AccountStatus,
  DomainEventHandlers,
  RecordedEvent,
  RequestContext,
  RequestLoaders,
  Role,
  toGlobalId,
  Viewer,
} from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { CareCaseEntity } from '../cases/care-case.entity';
import { CaseMessageEntity } from '../cases/case-message.entity';
import { CaseMessagesRepository } from '../cases/case-messages.repository';
import { CaseReadsService } from '../cases/case-reads.service';
import { CasesRepository } from '../cases/cases.repository';
import { CareLivePublisher } from './care-live-publisher';
import { CareLiveTopics } from './care-live-topics';
import { CareLiveHandler } from './care-live.handler';
import { CareLiveResolver } from './care-live.resolver';

const MEMBER = 'a0000000-0000-4000-8000-000000000000';
const OTHER = 'b0000000-0000-4000-8000-000000000000';
const AGENT = 'c0000000-0000-4000-8000-000000000000';
const CASE = 'd0000000-0000-4000-8000-000000000000';
const REPLY = 'e0000000-0000-4000-8000-000000000000';
const NOTE = 'f0000000-0000-4000-8000-000000000000';

const viewer = (id: string, role = Role.MEMBER, status = AccountStatus.ACTIVE): Viewer => ({
  id,
  handle: id.slice(0, 4),
  role,
  status,
  sessionId: 's',
});
const member = viewer(MEMBER);
const other = viewer(OTHER);
const silenced = viewer(OTHER, Role.MEMBER, AccountStatus.SILENCED);
const agent = viewer(AGENT, Role.AGENT);
const moderator = viewer(AGENT, Role.MODERATOR);
const productManager = viewer(OTHER, Role.PRODUCT_MANAGER);

const careCase = { id: CASE, number: 12, memberId: MEMBER } as CareCaseEntity;
const messages = [
  { id: REPLY, caseId: CASE, internal: false },
  { id: NOTE, caseId: CASE, internal: true },
] as CaseMessageEntity[];

function resolver() {
  const cases = {
    byIds: jest.fn(async (ids: readonly string[]) => (ids.includes(CASE) ? [careCase] : [])),
  };
  const notes = {
    byIds: jest.fn(async (ids: readonly string[]) => messages.filter((m) => ids.includes(m.id))),
  };
  const reads = new CaseReadsService(
    cases as unknown as CasesRepository,
    notes as unknown as CaseMessagesRepository,
  );
  const pubSub = { asyncIterableIterator: jest.fn((topic: string) => ({ topic })) };
  const topics = new CareLiveTopics({ redisPrefix: 'p' } as never);
  const live = new CareLiveResolver(pubSub as unknown as RedisPubSub, topics, reads);
  return { live, cases, notes, pubSub };
}

const ctx = (who: Viewer | null): RequestContext => ({
  token: null,
  ip: '127.0.0.1',
  viewer: who,
  loaders: new RequestLoaders(),
});
const caseGlobalId = toGlobalId('CareCase', CASE);

describe('caseActivity', () => {
  it("opens the case's channel to its member and to staff", async () => {
    const { live, pubSub } = resolver();
    for (const who of [member, agent, moderator]) {
      await expect(live.caseActivity(caseGlobalId, who, ctx(who))).resolves.toEqual({
        topic: `p:case-activity:${CASE}`,
      });
    }
    expect(pubSub.asyncIterableIterator).toHaveBeenCalledTimes(3);
  });

  it('refuses another member, a silenced one, a product manager and anonymous as it refuses an unknown case', async () => {
    const { live, pubSub } = resolver();
    for (const who of [other, silenced, productManager, null]) {
      await expect(live.caseActivity(caseGlobalId, who, ctx(who))).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
        message: 'CareCase was not found',
      });
    }
    const unknown = toGlobalId('CareCase', '00000000-0000-4000-8000-000000000000');
    await expect(live.caseActivity(unknown, agent, ctx(agent))).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: 'CareCase was not found',
    });
    expect(pubSub.asyncIterableIterator).not.toHaveBeenCalled();
  });

  it('refuses a malformed case id as bad input', async () => {
    const { live } = resolver();
    await expect(live.caseActivity('nonsense', member, ctx(member))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('sends the member replies and never an internal note, which is dropped unread', async () => {
    const { live, notes } = resolver();
    expect(await live.messageFor({ messageId: REPLY, internal: false }, member)).toBe(messages[0]);
    notes.byIds.mockClear();
    expect(await live.messageFor({ messageId: NOTE, internal: true }, member)).toBeNull();
    expect(notes.byIds).not.toHaveBeenCalled();
  });

  it('drops an internal note for the member even when the message does not say so', async () => {
    const { live } = resolver();
    expect(await live.messageFor({ messageId: NOTE, internal: false }, member)).toBeNull();
  });

  it('sends staff every message, internal notes included', async () => {
    const { live } = resolver();
    expect(await live.messageFor({ messageId: REPLY, internal: false }, agent)).toBe(messages[0]);
    expect(await live.messageFor({ messageId: NOTE, internal: true }, agent)).toBe(messages[1]);
  });

  it('reads a message once for all of an instance’s subscribers, judging each of them', async () => {
    const { live, notes, cases } = resolver();
    const message = { messageId: REPLY, internal: false };
    const seen = await Promise.all(
      [member, agent, other].map((who) => live.messageFor(message, who)),
    );
    expect(seen).toEqual([messages[0], messages[0], null]);
    expect(notes.byIds).toHaveBeenCalledTimes(1);
    expect(cases.byIds).toHaveBeenCalledTimes(1);
  });
});

describe('careInboxChanged', () => {
  it('sends the changed case to staff, and nothing to anyone else', async () => {
    const { live } = resolver();
    const message = { caseId: CASE };
    expect(await live.caseFor(message, agent)).toBe(careCase);
    expect(await live.caseFor(message, moderator)).toBe(careCase);
    expect(await live.caseFor(message, other)).toBeNull();
    expect(await live.caseFor(message, null)).toBeNull();
  });
});

describe('publishing care events live', () => {
  function handler() {
    const handlers = new DomainEventHandlers();
    const published: unknown[] = [];
    const publisher = {
      caseActivity: jest.fn(async (...args: unknown[]) => {
        published.push(['caseActivity', ...args]);
      }),
      inboxChanged: jest.fn(async (...args: unknown[]) => {
        published.push(['inboxChanged', ...args]);
      }),
    };
    new CareLiveHandler(handlers, publisher as unknown as CareLivePublisher).onModuleInit();
    const dispatch = (type: string, payload: unknown) =>
      handlers.dispatch({ id: '1', type, payload, occurredAt: '' } as RecordedEvent);
    return { dispatch, published };
  }
  const posted = {
    caseId: CASE,
    caseNumber: 12,
    messageId: REPLY,
    authorId: AGENT,
    memberId: MEMBER,
    assigneeId: AGENT,
    byStaff: true,
  };

  it("puts a reply on its case's channel and the case on the inbox's", async () => {
    const { dispatch, published } = handler();
    await dispatch('care.case-message-posted', { ...posted, internal: false });
    expect(published).toEqual([
      ['caseActivity', CASE, REPLY, false],
      ['inboxChanged', CASE],
    ]);
  });

  it("puts an internal note on its case's channel, marked, and leaves the inbox alone", async () => {
    const { dispatch, published } = handler();
    await dispatch('care.case-message-posted', { ...posted, messageId: NOTE, internal: true });
    expect(published).toEqual([['caseActivity', CASE, NOTE, true]]);
  });

  it('tells the inbox of every case created, assigned, resolved or reopened', async () => {
    const { dispatch, published } = handler();
    const change = { caseId: CASE, caseNumber: 12, memberId: MEMBER };
    await dispatch('care.case-opened', {
      ...change,
      origin: 'DIRECT',
      threadId: null,
      assigneeId: null,
      escalatedById: null,
    });
    await dispatch('care.case-assigned', {
      caseId: CASE,
      caseNumber: 12,
      assigneeId: AGENT,
      byId: AGENT,
    });
    await dispatch('care.case-resolved', { ...change, resolvedById: AGENT, publicAnswerId: null });
    await dispatch('care.case-reopened', { ...change, assigneeId: AGENT });
    expect(published).toEqual([
      ['inboxChanged', CASE],
      ['inboxChanged', CASE],
      ['inboxChanged', CASE],
      ['inboxChanged', CASE],
    ]);
  });
});
