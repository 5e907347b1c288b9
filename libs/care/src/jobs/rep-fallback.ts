import { AccountStatus, RequestLoaders, STAFF_ROLES } from '@app/core';
import { UserEntity, UsersLoader } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { CasesService } from '../cases/cases.service';
import { RepFallbackRepository, WaitingCase } from './rep-fallback.repository';

export const REP_FALLBACK_JOB = 'rep-fallback';
const PAGE = 200;

/**
 * Returns to the shared inbox each case still waiting for its dedicated rep whose fallback
 * time has passed, or whose rep is no longer staff or is suspended. Returning a case twice
 * does nothing, so concurrent runs need no lock.
 */
@Injectable()
export class RepFallback {
  constructor(
    private readonly waiting: RepFallbackRepository,
    private readonly users: UsersLoader,
    private readonly cases: CasesService,
  ) {}

  /** How many cases went back to the inbox. */
  async run(now: Date): Promise<number> {
    let returned = 0;
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const page = await this.waiting.waitingPage(after, PAGE);
      // The reps of one page are read together.
      const loaders = new RequestLoaders();
      for (const careCase of page) {
        if (await this.due(careCase, now, loaders)) {
          if (await this.cases.returnToInbox(careCase.id)) returned += 1;
        }
      }
      if (page.length < PAGE) return returned;
      const last = page[page.length - 1];
      after = { at: last.repFallbackAt, id: last.id };
    }
  }

  private async due(careCase: WaitingCase, now: Date, loaders: RequestLoaders): Promise<boolean> {
    if (careCase.repFallbackAt.getTime() <= now.getTime() || !careCase.assigneeId) return true;
    const rep = await this.users.load(loaders, careCase.assigneeId);
    return !rep || !STAFF_ROLES.includes(rep.role) || suspended(rep, now);
  }
}

/** Suspended at `now`: a suspension with an end is over once the end has passed. */
function suspended(rep: Pick<UserEntity, 'status' | 'statusUntil'>, now: Date): boolean {
  return (
    rep.status === AccountStatus.SUSPENDED &&
    (!rep.statusUntil || rep.statusUntil.getTime() > now.getTime())
  );
}
