import {
  badInput,
  byKeys,
  forbidden,
  idPages,
  notFound,
  OutboxService,
  RequestLoaders,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CARE_EVENTS } from '../care.events';
import { CareMember, CareMembersRepository } from './care-members.repository';
import { MemberCareProfile, toProfile } from './member-care-profile';
import {
  mayBeRep,
  mayReadSegments,
  maySeeCareOf,
  SegmentInput,
  segmentSettings,
} from './segment-rules';
import { SegmentRecord } from './segment.record';
import { SegmentsRepository } from './segments.repository';

/** Segments: how the company keeps the relationship with each group of customers. */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly members: CareMembersRepository,
    private readonly users: UsersService,
    private readonly usersLoader: UsersLoader,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
  ) {}

  /** The member's segment settings and dedicated rep; a member without a segment gets defaults. */
  async profileOf(memberId: string, tx?: Tx): Promise<MemberCareProfile> {
    return toProfile(await this.members.profileRow(memberId, tx));
  }

  /** Every segment, by key: for staff and product managers. */
  async list(viewer: Viewer): Promise<SegmentRecord[]> {
    if (!mayReadSegments(viewer)) throw forbidden();
    return this.segments.all();
  }

  /** A segment for `node(id)`: null for anyone but staff and product managers. */
  async nodeOf(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    id: string,
  ): Promise<SegmentRecord | null> {
    return mayReadSegments(viewer) ? this.segmentById(loaders, id) : null;
  }

  /**
   * Creates the segment, or updates the one with the same key. A new vote weight is a change of
   * every member's weighing: each is recorded as memberSegmentChanged, so that their idea votes
   * are weighed again as when they move.
   */
  async upsert(input: SegmentInput): Promise<SegmentRecord> {
    const settings = segmentSettings(input);
    return this.transactions.run(async (tx) => {
      const weightBefore = await this.segments.lockWeightByKey(settings.key, tx);
      const segment = await this.segments.upsert(randomUUID(), settings, tx);
      if (!segment.dedicatedRepEnabled) await this.members.clearRepsOf(segment.id, tx);
      if (weightBefore !== null && weightBefore !== segment.ideaVoteWeight) {
        const pages = idPages((after, limit) =>
          this.members.memberPage(segment.id, after, limit, tx),
        );
        for await (const page of pages) {
          for (const memberId of page) {
            await this.outbox.record(tx, CARE_EVENTS.memberSegmentChanged, {
              memberId,
              segmentId: segment.id,
            });
          }
        }
      }
      return segment;
    });
  }

  /**
   * Moves the member into the segment (out of any, without one). The member's row and both
   * segments are locked in the transaction that moves the counts, so memberCount stays exact
   * however many moves run at once. A segment without dedicated reps takes the member's rep away.
   */
  async setMemberSegment(userId: string, segmentId: string | null): Promise<UserEntity> {
    const user = await this.existingUser(userId);
    await this.transactions.run(async (tx) => {
      const member = await this.members.lock(userId, tx);
      if (member.segmentId === segmentId) {
        if (segmentId && !(await this.segments.lockForMove([segmentId], tx)).length) {
          throw notFound('Segment');
        }
        return;
      }
      const touched = [member.segmentId, segmentId].filter((id): id is string => id !== null);
      const locked = await this.segments.lockForMove(touched, tx);
      const target = segmentId ? locked.find((segment) => segment.id === segmentId) : null;
      if (segmentId && !target) throw notFound('Segment');
      await this.members.setSegment(userId, segmentId, target?.dedicatedRepEnabled ?? false, tx);
      if (member.segmentId) await this.segments.addMembers(member.segmentId, -1, tx);
      if (segmentId) await this.segments.addMembers(segmentId, 1, tx);
      await this.outbox.record(tx, CARE_EVENTS.memberSegmentChanged, {
        memberId: userId,
        segmentId,
      });
    });
    return user;
  }

  /**
   * Gives the member a dedicated rep (without one: removes it). The rep must be staff and the
   * member's segment must allow dedicated reps.
   */
  async assignDedicatedRep(userId: string, agentId: string | null): Promise<UserEntity> {
    const user = await this.existingUser(userId);
    if (agentId !== null) {
      if (agentId === userId) throw badInput('agentId', 'a member cannot be their own rep');
      const agent = await this.users.findById(agentId);
      if (!agent || !mayBeRep(agent.role)) {
        throw badInput('agentId', 'the rep must be staff (AGENT, MODERATOR or ADMIN)');
      }
    }
    await this.transactions.run(async (tx) => {
      const member = await this.members.lock(userId, tx);
      if (agentId !== null) {
        const enabled = member.segmentId
          ? await this.segments.repsEnabledShared(member.segmentId, tx)
          : null;
        if (!enabled) {
          throw badInput('userId', "the member's segment does not allow a dedicated rep");
        }
      }
      if (member.dedicatedRepId !== agentId) await this.members.setRep(userId, agentId, tx);
    });
    return user;
  }

  /** `User.segment`: the member and staff see it, everyone else null. */
  async segmentOf(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    userId: string,
  ): Promise<SegmentRecord | null> {
    if (!maySeeCareOf(viewer, userId)) return null;
    const member = await this.memberOf(loaders, userId);
    return member?.segmentId ? this.segmentById(loaders, member.segmentId) : null;
  }

  /** `User.dedicatedRep`: the member and staff see it, everyone else null. */
  async dedicatedRepOf(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    userId: string,
  ): Promise<UserEntity | null> {
    if (!maySeeCareOf(viewer, userId)) return null;
    const member = await this.memberOf(loaders, userId);
    return member?.dedicatedRepId ? this.usersLoader.load(loaders, member.dedicatedRepId) : null;
  }

  private async existingUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }

  private memberOf(loaders: RequestLoaders, userId: string): Promise<CareMember | null> {
    return loaders
      .get<
        string,
        CareMember | null
      >('care.memberByUserId', async (ids) => byKeys(ids, await this.members.byUserIds(ids), (row) => row.userId, null))
      .load(userId);
  }

  private segmentById(loaders: RequestLoaders, id: string): Promise<SegmentRecord | null> {
    return loaders
      .get<
        string,
        SegmentRecord | null
      >('care.segmentById', async (ids) => byKeys(ids, await this.segments.byIds(ids), (row) => row.id, null))
      .load(id);
  }
}
