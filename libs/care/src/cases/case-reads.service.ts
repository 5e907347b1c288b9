import {
  byKeys,
  Connection,
  forbidden,
  PageRequest,
  RequestLoaders,
  toConnection,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { CaseStatus } from './care.enums';
import { CareCaseEntity } from './care-case.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { canSeeCase, canSeeMessage, isStaff } from './case-rules';
import { CasesRepository } from './cases.repository';

/** The inbox's filter as the resolver decoded it. */
export interface InboxFilter {
  status?: CaseStatus | null;
  assignedToMe?: boolean | null;
  unassigned?: boolean | null;
  breached?: boolean | null;
}

/**
 * Reading cases as the viewer may: a case is seen by its member and staff only (anyone else
 * gets null, never a sign that it exists), and internal notes by staff only.
 */
@Injectable()
export class CaseReadsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly messages: CaseMessagesRepository,
  ) {}

  /** The case as the viewer may see it, or null; batched through the request's loaders. */
  async findVisible(
    loaders: RequestLoaders,
    id: string,
    viewer: Viewer | null,
  ): Promise<CareCaseEntity | null> {
    const careCase = await this.load(loaders, id);
    return canSeeCase(careCase, viewer) ? careCase : null;
  }

  /** A message as the viewer may see it (its case visible, an internal note to staff only), or null. */
  async findVisibleMessage(
    loaders: RequestLoaders,
    id: string,
    viewer: Viewer | null,
  ): Promise<CaseMessageEntity | null> {
    const message = await loaders
      .get<
        string,
        CaseMessageEntity | null
      >('care.messages.byId', async (ids) => byKeys(ids, await this.messages.byIds(ids), (row) => row.id, null))
      .load(id);
    if (!message || !canSeeMessage(message.internal, viewer)) return null;
    return (await this.findVisible(loaders, message.caseId, viewer)) ? message : null;
  }

  /** The viewer's own cases, latest activity first. */
  async mine(viewer: Viewer, page: PageRequest): Promise<Connection<CareCaseEntity>> {
    const rows = await this.cases.memberPage(viewer.id, page);
    return toConnection(rows, page, {
      cursorOf: (row) => this.cases.memberCursor(row),
      nodeOf: (row) => row,
      totalCount: () => this.cases.memberCount(viewer.id),
    });
  }

  /** Staff's inbox: by first-response due time, then priority (URGENT first), then age. */
  async inbox(
    viewer: Viewer,
    filter: InboxFilter,
    page: PageRequest,
    now = new Date(),
  ): Promise<Connection<CareCaseEntity>> {
    if (!isStaff(viewer)) throw forbidden('Only staff can work the care inbox');
    const query = {
      status: filter.status ?? undefined,
      assigneeId: filter.assignedToMe ? viewer.id : undefined,
      unassigned: filter.unassigned ?? undefined,
      breached: filter.breached ?? undefined,
      now,
      page,
    };
    const rows = await this.cases.inboxPage(query);
    return toConnection(rows, page, {
      cursorOf: (row) => this.cases.inboxCursor(row),
      nodeOf: (row) => row,
      totalCount: () => this.cases.inboxCount(query),
    });
  }

  /**
   * The messages of a case the viewer sees, oldest first; internal notes for staff only. The
   * caller has the case from findVisible or a mutation that checked it.
   */
  async messagesOf(
    careCase: CareCaseEntity,
    viewer: Viewer | null,
    page: PageRequest,
  ): Promise<Connection<CaseMessageEntity>> {
    if (!canSeeCase(careCase, viewer)) {
      return toConnection<CaseMessageEntity, CaseMessageEntity>([], page, {
        cursorOf: (row) => this.messages.cursorOf(row),
        nodeOf: (row) => row,
        totalCount: () => Promise.resolve(0),
      });
    }
    const withInternal = isStaff(viewer);
    const rows = await this.messages.page(careCase.id, withInternal, page);
    return toConnection(rows, page, {
      cursorOf: (row) => this.messages.cursorOf(row),
      nodeOf: (row) => row,
      totalCount: () => this.messages.count(careCase.id, withInternal),
    });
  }

  private load(loaders: RequestLoaders, id: string): Promise<CareCaseEntity | null> {
    return loaders
      .get<
        string,
        CareCaseEntity | null
      >('care.cases.byId', async (ids) => byKeys(ids, await this.cases.byIds(ids), (row) => row.id, null))
      .load(id);
  }
}
