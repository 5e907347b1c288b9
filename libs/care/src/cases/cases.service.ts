import {
  AccountStatus,
  APP_CONFIG,
  AppError,
  AppConfig,
  badInput,
  canSee,
  conflict,
  ErrorCode,
  forbidden,
  isUniqueViolation,
  notFound,
  OutboxService,
  renderMarkdown,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { PostsService, SolutionsService, ThreadsService } from '@app/forum';
import { UsersService } from '@app/identity';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CARE_EVENTS } from '../care.events';
import { SegmentsService } from '../segments';
import { CaseOrigin, CasePriority, CaseStatus, PRIORITY_RANK } from './care.enums';
import { CareCaseEntity } from './care-case.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import {
  canSeeCase,
  checkBody,
  checkPriority,
  checkSubject,
  firstResponseDueAt,
  isStaff,
  isStaffRole,
  MAX_UNRESOLVED_CASES,
  repFallbackAt,
  REOPEN_WINDOW_DAYS,
  statusAfterReply,
  withinReopenWindow,
} from './case-rules';
import { CasesRepository } from './cases.repository';

/** A case as a member opens it; `threadId` escalates their own thread. */
export interface NewCaseRequest {
  subject: string;
  body: string;
  threadId?: string | null;
  priority?: CasePriority | null;
}

export interface EscalationRequest {
  threadId: string;
  note: string;
  priority?: CasePriority | null;
}

export interface ReplyRequest {
  caseId: string;
  body: string;
  internal?: boolean | null;
}

export interface ResolutionRequest {
  caseId: string;
  note: string;
  publicAnswer?: string | null;
  acceptAsSolution?: boolean | null;
}

/** What every way of opening a case shares. */
interface Opening {
  memberId: string;
  subject: string;
  priority: CasePriority;
  origin: CaseOrigin;
  threadId: string | null;
  escalatedById: string | null;
  /** The case's first message: the member's words, or staff's internal note. */
  firstMessage: { authorId: string; body: string; internal: boolean } | null;
  /** Checked once the member's openings are queued up (counts, earlier escalations). */
  precheck?: (tx: Tx) => Promise<void>;
}

const NOT_FOUND = 'CareCase';

/**
 * Care's cases: opening (by the member, by staff escalating a thread, by the platform),
 * replies, assignment, resolution with an official answer on the thread, reopening. Every
 * change records its event in its own transaction.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly cases: CasesRepository,
    private readonly messages: CaseMessagesRepository,
    private readonly segments: SegmentsService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly solutions: SolutionsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A member opens a case: subject 8–200, body 1–20,000, at most 5 unresolved at once, URGENT
   * for staff; with a thread, their own thread is escalated (one unresolved case per thread).
   */
  async open(viewer: Viewer, request: NewCaseRequest): Promise<CareCaseEntity> {
    const subject = checkSubject(request.subject);
    const body = checkBody(request.body);
    const priority = checkPriority(request.priority ?? CasePriority.NORMAL, viewer);
    let threadId: string | null = null;
    if (request.threadId) {
      const thread = await this.threads.getById(request.threadId);
      if (!canSee(thread.contentStatus, thread.authorId, viewer)) throw notFound('Thread');
      if (thread.authorId !== viewer.id) {
        throw forbidden('Only the asker can escalate their thread to a case');
      }
      threadId = thread.id;
    }
    const id = await this.create({
      memberId: viewer.id,
      subject,
      priority,
      origin: threadId ? CaseOrigin.ESCALATED : CaseOrigin.DIRECT,
      threadId,
      escalatedById: null,
      firstMessage: { authorId: viewer.id, body, internal: false },
      precheck: async (tx) => {
        if ((await this.cases.unresolvedCountOf(viewer.id, tx)) >= MAX_UNRESOLVED_CASES) {
          throw badInput('subject', `you already have ${MAX_UNRESOLVED_CASES} unresolved cases`);
        }
      },
    });
    return this.current(id);
  }

  /** Staff escalate a thread: a case for its author, titled as the thread, the note kept internal. */
  async escalate(viewer: Viewer, request: EscalationRequest): Promise<CareCaseEntity> {
    if (!isStaff(viewer)) throw forbidden('Only staff can escalate a thread');
    const note = checkBody(request.note, 'note');
    const thread = await this.threads.getById(request.threadId);
    const id = await this.create({
      memberId: thread.authorId,
      subject: thread.title.slice(0, 200),
      priority: request.priority ?? CasePriority.NORMAL,
      origin: CaseOrigin.ESCALATED,
      threadId: thread.id,
      escalatedById: viewer.id,
      firstMessage: { authorId: viewer.id, body: note, internal: true },
    });
    return this.current(id);
  }

  /**
   * The platform escalates an unanswered question (the auto-escalation job): the new case's id,
   * or null when the thread has an unresolved case or was auto-escalated before.
   */
  async openAutoEscalated(
    thread: { id: string; authorId: string; title: string },
    now: Date,
  ): Promise<string | null> {
    try {
      return await this.create(
        {
          memberId: thread.authorId,
          subject: thread.title.slice(0, 200),
          priority: CasePriority.NORMAL,
          origin: CaseOrigin.AUTO_ESCALATED,
          threadId: thread.id,
          escalatedById: null,
          firstMessage: null,
          precheck: async (tx) => {
            if (await this.cases.autoEscalated(thread.id, tx)) throw new AlreadyEscalated();
          },
        },
        now,
      );
    } catch (error) {
      if (error instanceof AlreadyEscalated) return null;
      if (error instanceof AppError && error.extensions.code === ErrorCode.CONFLICT) return null;
      throw error;
    }
  }

  /**
   * A reply of the case's member or of staff (internal notes: staff only). A staff reply waits
   * on the member, the member's on an agent; the first non-internal staff reply is the first
   * response. A resolved case is reopened, not replied to.
   */
  async reply(viewer: Viewer, request: ReplyRequest): Promise<CaseMessageEntity> {
    const body = checkBody(request.body);
    const internal = request.internal ?? false;
    const byStaff = isStaff(viewer);
    const messageId = randomUUID();
    const now = new Date();
    await this.transactions.run(async (tx) => {
      const careCase = await this.cases.lockById(request.caseId, tx);
      if (!careCase || !canSeeCase(careCase, viewer)) throw notFound(NOT_FOUND);
      if (internal && !byStaff) throw forbidden('Only staff can write internal notes');
      if (careCase.status === CaseStatus.RESOLVED) {
        throw badInput('caseId', 'the case is resolved: reopen it to write again');
      }
      await this.messages.insert(
        this.message(messageId, careCase.id, viewer.id, body, internal, now),
        tx,
      );
      const firstResponse = byStaff && !internal && careCase.firstRespondedAt === null;
      await this.cases.update(
        careCase.id,
        {
          status: statusAfterReply(careCase.status, byStaff, internal),
          updatedAt: now,
          ...(firstResponse ? { firstRespondedAt: now } : {}),
          // Answered: a case routed to its rep no longer needs to fall back to the inbox.
          ...(byStaff && !internal ? { repFallbackAt: null } : {}),
        },
        tx,
      );
      await this.outbox.record(tx, CARE_EVENTS.caseMessagePosted, {
        caseId: careCase.id,
        caseNumber: careCase.number,
        messageId,
        authorId: viewer.id,
        memberId: careCase.memberId,
        assigneeId: careCase.assigneeId,
        internal,
        byStaff,
      });
    });
    return this.message(messageId, request.caseId, viewer.id, body, internal, now);
  }

  /**
   * Staff give a case to an agent (without one: take it). The assignee must be staff and not
   * suspended. Taking a case another agent holds is CONFLICT, so that of two agents taking one
   * case at once, one holds it and the other is told so.
   */
  async assign(viewer: Viewer, caseId: string, agentId: string | null): Promise<CareCaseEntity> {
    if (!isStaff(viewer)) throw forbidden('Only staff can assign cases');
    const assigneeId = agentId ?? viewer.id;
    if (agentId && agentId !== viewer.id) {
      const agent = await this.users.findById(agentId);
      if (!agent || !isStaffRole(agent.role) || agent.status === AccountStatus.SUSPENDED) {
        throw badInput('agentId', 'must be an active member of staff');
      }
    }
    const now = new Date();
    await this.transactions.run(async (tx) => {
      const careCase = await this.cases.lockById(caseId, tx);
      if (!careCase) throw notFound(NOT_FOUND);
      if (careCase.status === CaseStatus.RESOLVED) throw badInput('caseId', 'the case is resolved');
      if (careCase.assigneeId === assigneeId) return;
      if (!agentId && careCase.assigneeId !== null) {
        throw conflict('Another agent has this case; assign it with agentId to take it over');
      }
      await this.cases.update(careCase.id, { assigneeId, repFallbackAt: null, updatedAt: now }, tx);
      await this.outbox.record(tx, CARE_EVENTS.caseAssigned, {
        caseId: careCase.id,
        caseNumber: careCase.number,
        assigneeId,
        byId: viewer.id,
      });
    });
    return this.current(caseId);
  }

  /**
   * Staff resolve a case with a note for the member. With `publicAnswer` the agent's official
   * answer is posted on the case's thread (and accepted with `acceptAsSolution`) in the same
   * transaction: a resolution that fails posts nothing. Resolving a resolved case is CONFLICT.
   */
  async resolve(viewer: Viewer, request: ResolutionRequest): Promise<CareCaseEntity> {
    if (!isStaff(viewer)) throw forbidden('Only staff can resolve cases');
    const note = checkBody(request.note, 'note');
    const publicAnswer = request.publicAnswer ?? null;
    if (publicAnswer !== null) checkBody(publicAnswer, 'publicAnswer');
    if (request.acceptAsSolution && publicAnswer === null) {
      throw badInput('acceptAsSolution', 'needs a publicAnswer to accept');
    }
    const now = new Date();
    await this.transactions.run(async (tx) => {
      const careCase = await this.cases.lockById(request.caseId, tx);
      if (!careCase) throw notFound(NOT_FOUND);
      if (careCase.status === CaseStatus.RESOLVED) throw conflict('The case is already resolved');
      let publicAnswerId: string | null = null;
      if (publicAnswer !== null) {
        if (!careCase.threadId) throw badInput('publicAnswer', 'the case has no thread to answer');
        const post = await this.posts.postOfficialAnswer(
          tx,
          viewer,
          careCase.threadId,
          publicAnswer,
        );
        publicAnswerId = post.id;
        if (request.acceptAsSolution) await this.solutions.acceptInTransaction(tx, viewer, post.id);
      }
      await this.cases.update(
        careCase.id,
        {
          status: CaseStatus.RESOLVED,
          resolvedAt: now,
          resolutionNote: note,
          publicAnswerId: publicAnswerId ?? careCase.publicAnswerId,
          repFallbackAt: null,
          updatedAt: now,
        },
        tx,
      );
      await this.outbox.record(tx, CARE_EVENTS.caseResolved, {
        caseId: careCase.id,
        caseNumber: careCase.number,
        memberId: careCase.memberId,
        resolvedById: viewer.id,
        publicAnswerId,
      });
    });
    return this.current(request.caseId);
  }

  /** The member reopens their resolved case within 14 days: the body is added, the case is OPEN. */
  async reopen(viewer: Viewer, caseId: string, rawBody: string): Promise<CareCaseEntity> {
    const body = checkBody(rawBody);
    const now = new Date();
    const messageId = randomUUID();
    await this.uniqueThread(() =>
      this.transactions.run(async (tx) => {
        const careCase = await this.cases.lockById(caseId, tx);
        if (!careCase || !canSeeCase(careCase, viewer)) throw notFound(NOT_FOUND);
        if (careCase.memberId !== viewer.id)
          throw forbidden('Only the member can reopen their case');
        if (careCase.status !== CaseStatus.RESOLVED)
          throw badInput('caseId', 'the case is not resolved');
        if (!withinReopenWindow(careCase.resolvedAt, now)) {
          throw badInput(
            'caseId',
            `a case can be reopened within ${REOPEN_WINDOW_DAYS} days of its resolution`,
          );
        }
        await this.messages.insert(
          this.message(messageId, careCase.id, viewer.id, body, false, now),
          tx,
        );
        await this.cases.update(
          careCase.id,
          { status: CaseStatus.OPEN, resolvedAt: null, updatedAt: now },
          tx,
        );
        await this.outbox.record(tx, CARE_EVENTS.caseReopened, {
          caseId: careCase.id,
          caseNumber: careCase.number,
          memberId: careCase.memberId,
          assigneeId: careCase.assigneeId,
        });
        await this.outbox.record(tx, CARE_EVENTS.caseMessagePosted, {
          caseId: careCase.id,
          caseNumber: careCase.number,
          messageId,
          authorId: viewer.id,
          memberId: careCase.memberId,
          assigneeId: careCase.assigneeId,
          internal: false,
          byStaff: false,
        });
      }),
    );
    return this.current(caseId);
  }

  /**
   * The rep fallback job: a case still waiting for its dedicated rep's first response goes back
   * unassigned to the shared inbox. False when there is nothing to do.
   */
  async returnToInbox(caseId: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const careCase = await this.cases.lockById(caseId, tx);
      if (!careCase) return false;
      if (!(await this.cases.returnToInbox(careCase.id, new Date(), tx))) return false;
      await this.outbox.record(tx, CARE_EVENTS.caseAssigned, {
        caseId: careCase.id,
        caseNumber: careCase.number,
        assigneeId: null,
        byId: null,
      });
      return true;
    });
  }

  /** The case as it is now, read fresh after a change. */
  private async current(id: string): Promise<CareCaseEntity> {
    const careCase = await this.cases.byId(id);
    if (!careCase) throw notFound(NOT_FOUND);
    return careCase;
  }

  /**
   * Opens a case in one transaction: the member's openings queue up, the SLA comes from their
   * segment, a member with a dedicated rep has the case go to the rep at once (back to the inbox
   * at half the first-response time if unanswered). A thread's second unresolved case is CONFLICT.
   */
  private create(opening: Opening, now = new Date()): Promise<string> {
    const id = randomUUID();
    return this.uniqueThread(() =>
      this.transactions.run(async (tx) => {
        await this.cases.lockMember(opening.memberId, tx);
        await opening.precheck?.(tx);
        const profile = await this.segments.profileOf(opening.memberId, tx);
        const dueAt = firstResponseDueAt(
          now,
          profile.firstResponseHours,
          this.config.careFirstResponseHours,
        );
        // Only while the member's segment offers dedicated reps.
        const repId = profile.dedicatedRepEnabled ? profile.dedicatedRepId : null;
        const number = await this.cases.insert(
          {
            id,
            subject: opening.subject,
            memberId: opening.memberId,
            status: CaseStatus.OPEN,
            priority: opening.priority,
            priorityRank: PRIORITY_RANK[opening.priority],
            origin: opening.origin,
            threadId: opening.threadId,
            assigneeId: repId,
            repFallbackAt: repId ? repFallbackAt(now, dueAt) : null,
            firstResponseDueAt: dueAt,
            firstRespondedAt: null,
            resolvedAt: null,
            resolutionNote: null,
            publicAnswerId: null,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        );
        if (opening.firstMessage) {
          const { authorId, body, internal } = opening.firstMessage;
          await this.messages.insert(
            this.message(randomUUID(), id, authorId, body, internal, now),
            tx,
          );
        }
        await this.outbox.record(tx, CARE_EVENTS.caseOpened, {
          caseId: id,
          caseNumber: number,
          memberId: opening.memberId,
          origin: opening.origin,
          threadId: opening.threadId,
          assigneeId: repId,
          escalatedById: opening.escalatedById,
        });
        return id;
      }),
    );
  }

  /** Runs `work`, turning a thread's second unresolved case (the unique index) into CONFLICT. */
  private async uniqueThread<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, this.cases.openThreadIndex)) {
        throw conflict('The thread already has an unresolved case');
      }
      throw error;
    }
  }

  private message(
    id: string,
    caseId: string,
    authorId: string,
    body: string,
    internal: boolean,
    createdAt: Date,
  ): CaseMessageEntity {
    return Object.assign(new CaseMessageEntity(), {
      id,
      caseId,
      authorId,
      body,
      bodyHtml: renderMarkdown(body),
      internal,
      createdAt,
    });
  }
}

/** The thread was escalated by the platform before: nothing to do. */
class AlreadyEscalated extends Error {}
