import { ErrorCode, ModerationLog, OutboxService, Role } from '@app/core';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeaFollowersRepository } from '../ideas/idea-followers.repository';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { IDEA_EVENTS } from '../ideas.events';
import { IdeaStatus } from '../ideas.enums';
import { fakeTransactions, idea, refusal, TX, viewer } from '../testing';
import { VotesRepository } from '../votes/votes.repository';
import { IdeaStatusService } from './idea-status.service';

/** A service over stored ideas, recording the writes, log entries and events. */
function serviceWith(...stored: IdeaEntity[]) {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const ideaRows = {
    lockById: jest.fn(async (id: string) => byId.get(id) ?? null),
    lockByIds: jest.fn(async (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? [])),
    setStatus: jest.fn(async () => undefined),
    markMerged: jest.fn(async () => undefined),
  };
  const votes = { copyVotes: jest.fn(async () => undefined) };
  const followers = { copyFollowers: jest.fn(async () => undefined) };
  const ideas = { current: jest.fn(async (id: string) => byId.get(id)) };
  const outbox = { record: jest.fn(async () => undefined) };
  const log = { append: jest.fn(async () => undefined) };
  const service = new IdeaStatusService(
    fakeTransactions(),
    ideaRows as unknown as IdeasRepository,
    votes as unknown as VotesRepository,
    followers as unknown as IdeaFollowersRepository,
    ideas as unknown as IdeasService,
    outbox as unknown as OutboxService,
    log as unknown as ModerationLog,
  );
  return { service, ideaRows, votes, followers, outbox, log };
}

const pm = viewer(Role.PRODUCT_MANAGER);

describe('setting the status of an idea', () => {
  it('sets it with the trimmed note, logs it and records the event for the fan-out', async () => {
    const target = idea({ status: IdeaStatus.UNDER_REVIEW });
    const { service, ideaRows, log, outbox } = serviceWith(target);
    await service.setStatus(pm, target.id, IdeaStatus.PLANNED, '  Next quarter ');
    expect(ideaRows.setStatus).toHaveBeenCalledWith(
      target.id,
      IdeaStatus.PLANNED,
      'Next quarter',
      TX,
    );
    expect(log.append).toHaveBeenCalledWith(TX, {
      actorId: pm.id,
      action: 'IDEA_STATUS_PLANNED',
      targetType: 'Idea',
      targetId: target.id,
      targetUserId: target.authorId,
      reason: 'Next quarter',
    });
    expect(outbox.record).toHaveBeenCalledWith(TX, IDEA_EVENTS.statusChanged, {
      ideaId: target.id,
      title: target.title,
      status: IdeaStatus.PLANNED,
      note: 'Next quarter',
      actorId: pm.id,
    });
  });

  it('logs the former status when there is no note', async () => {
    const target = idea();
    const { service, log } = serviceWith(target);
    await service.setStatus(pm, target.id, IdeaStatus.DECLINED, '   ');
    expect(log.append).toHaveBeenCalledWith(TX, expect.objectContaining({ reason: 'was NEW' }));
  });

  it('changes nothing, and tells no one, when the status and note are already those', async () => {
    const target = idea({ status: IdeaStatus.PLANNED, statusNote: 'Soon' });
    const { service, ideaRows, log, outbox } = serviceWith(target);
    expect(await service.setStatus(pm, target.id, IdeaStatus.PLANNED, 'Soon')).toBe(target);
    expect(ideaRows.setStatus).not.toHaveBeenCalled();
    expect(log.append).not.toHaveBeenCalled();
    expect(outbox.record).not.toHaveBeenCalled();
  });

  it('refuses MERGED (that is mergeIdea), an unknown idea, and any change to a merged one', async () => {
    const merged = idea({ status: IdeaStatus.MERGED });
    const { service, ideaRows } = serviceWith(merged);
    expect(await refusal(service.setStatus(pm, merged.id, IdeaStatus.MERGED, null))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'status: use mergeIdea to merge an idea',
    });
    expect(await refusal(service.setStatus(pm, 'unknown', IdeaStatus.PLANNED, null))).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'Idea was not found',
    });
    expect(await refusal(service.setStatus(pm, merged.id, IdeaStatus.PLANNED, null))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'ideaId: a merged idea keeps its status',
    });
    expect(ideaRows.setStatus).not.toHaveBeenCalled();
  });
});

describe('merging a duplicate', () => {
  it("moves the source's votes and followers to the target and closes the source", async () => {
    const source = idea({ title: 'Dark mode' });
    const target = idea({ title: 'Dark theme' });
    const { service, ideaRows, votes, followers, log, outbox } = serviceWith(source, target);
    expect(await service.merge(pm, source.id, target.id)).toBe(target);
    expect(ideaRows.lockByIds).toHaveBeenCalledWith([source.id, target.id], TX);
    expect(votes.copyVotes).toHaveBeenCalledWith(source.id, target.id, TX);
    expect(followers.copyFollowers).toHaveBeenCalledWith(source.id, target.id, TX);
    expect(ideaRows.markMerged).toHaveBeenCalledWith(source.id, target.id, TX);
    expect(log.append).toHaveBeenCalledWith(TX, {
      actorId: pm.id,
      action: 'IDEA_MERGE',
      targetType: 'Idea',
      targetId: source.id,
      targetUserId: source.authorId,
      reason: 'merged into “Dark theme”',
    });
    expect(outbox.record).toHaveBeenCalledWith(TX, IDEA_EVENTS.merged, {
      sourceId: source.id,
      targetId: target.id,
      sourceTitle: 'Dark mode',
      targetTitle: 'Dark theme',
      actorId: pm.id,
    });
  });

  it('refuses an idea into itself, unknown ideas, and merged ones on either side', async () => {
    const open = idea();
    const merged = idea({ status: IdeaStatus.MERGED });
    const { service, votes } = serviceWith(open, merged);
    expect(await refusal(service.merge(pm, open.id, open.id))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'targetId: an idea cannot be merged into itself',
    });
    expect(await refusal(service.merge(pm, 'unknown', open.id))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(await refusal(service.merge(pm, open.id, 'unknown'))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(await refusal(service.merge(pm, merged.id, open.id))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'sourceId: the idea is already merged',
    });
    expect(await refusal(service.merge(pm, open.id, merged.id))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'targetId: cannot merge into a merged idea',
    });
    expect(votes.copyVotes).not.toHaveBeenCalled();
  });
});
