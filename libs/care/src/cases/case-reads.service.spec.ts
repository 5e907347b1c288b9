import { AccountStatus, RequestLoaders, Role, SAMPLE_PAGE, Viewer } from '@app/core';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { CareCaseEntity } from './care-case.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { CaseReadsService } from './case-reads.service';
import { CasesRepository } from './cases.repository';

const viewer = (role = Role.MEMBER, id = randomUUID()): Viewer => ({
  id,
  handle: 'h',
  role,
  status: AccountStatus.ACTIVE,
  sessionId: 's',
});

function setup() {
  const member = viewer();
  const careCase = { id: randomUUID(), memberId: member.id } as CareCaseEntity;
  const note = { id: randomUUID(), caseId: careCase.id, internal: true } as CaseMessageEntity;
  const reply = { id: randomUUID(), caseId: careCase.id, internal: false } as CaseMessageEntity;
  const cases = {
    byIds: jest.fn(async (ids: readonly string[]) => (ids.includes(careCase.id) ? [careCase] : [])),
    inboxPage: jest.fn(async () => []),
    inboxCount: jest.fn(async () => 0),
  };
  const messages = {
    byIds: jest.fn(async (ids: readonly string[]) =>
      [note, reply].filter((m) => ids.includes(m.id)),
    ),
    page: jest.fn(async (_id: string, withInternal: boolean) =>
      withInternal ? [note, reply] : [reply],
    ),
    count: jest.fn(async () => 1),
    cursorOf: (m: CaseMessageEntity) => m.id,
  };
  const reads = new CaseReadsService(
    cases as unknown as CasesRepository,
    messages as unknown as CaseMessagesRepository,
  );
  return { reads, member, careCase, note, reply, cases, messages };
}

describe('CaseReadsService', () => {
  it('shows the case to its member and staff, null to another member, a silenced one and anonymous', async () => {
    const { reads, member, careCase } = setup();
    const find = (v: Viewer | null) => reads.findVisible(new RequestLoaders(), careCase.id, v);
    await expect(find(member)).resolves.toBe(careCase);
    await expect(find(viewer(Role.AGENT))).resolves.toBe(careCase);
    await expect(find(viewer())).resolves.toBeNull();
    await expect(find({ ...viewer(), status: AccountStatus.SILENCED })).resolves.toBeNull();
    await expect(find(viewer(Role.PRODUCT_MANAGER))).resolves.toBeNull();
    await expect(find(null)).resolves.toBeNull();
  });

  it('never gives the member an internal note, by id or in the messages', async () => {
    const { reads, member, careCase, note, reply, messages } = setup();
    const load = (id: string, v: Viewer | null) =>
      reads.findVisibleMessage(new RequestLoaders(), id, v);
    await expect(load(note.id, member)).resolves.toBeNull();
    await expect(load(reply.id, member)).resolves.toBe(reply);
    await expect(load(note.id, viewer(Role.AGENT))).resolves.toBe(note);
    await expect(load(reply.id, viewer())).resolves.toBeNull();
    const page = await reads.messagesOf(careCase, member, SAMPLE_PAGE.FIRST);
    expect(page.edges.map((e) => e.node)).toEqual([reply]);
    expect(messages.page).toHaveBeenCalledWith(careCase.id, false, SAMPLE_PAGE.FIRST);
    const staffPage = await reads.messagesOf(careCase, viewer(Role.AGENT), SAMPLE_PAGE.FIRST);
    expect(staffPage.edges.map((e) => e.node)).toEqual([note, reply]);
    const stranger = await reads.messagesOf(careCase, viewer(), SAMPLE_PAGE.FIRST);
    expect(stranger.edges).toEqual([]);
  });

  it('keeps the inbox for staff and passes its filter down', async () => {
    const { reads, cases } = setup();
    const agent = viewer(Role.AGENT);
    await expect(reads.inbox(viewer(), {}, SAMPLE_PAGE.FIRST)).rejects.toBeInstanceOf(GraphQLError);
    const now = new Date();
    await reads.inbox(agent, { assignedToMe: true, breached: true }, SAMPLE_PAGE.FIRST, now);
    expect(cases.inboxPage).toHaveBeenCalledWith(
      expect.objectContaining({ assigneeId: agent.id, breached: true, now }),
    );
  });
});
