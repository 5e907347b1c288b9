import { APP_CONFIG, AppConfig, AppError, Transactions } from '@app/core';
import { AskedQuestion, QuestionsAwaitingAnswerRepository } from '@app/forum';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CasesService } from '../cases/cases.service';
import { JobMarksRepository } from './job-marks.repository';

export const AUTO_ESCALATION_JOB = 'auto-escalation';
const PAGE = 200;
/** A run walks at most this many questions; the next run goes on from its mark. */
const MOST_PER_RUN = 5_000;

/**
 * Escalates, once, each published question that nobody but its asker has answered publicly
 * CARE_AUTO_ESCALATE_HOURS after it was asked (0 turns it off). The walk goes through questions
 * by (created_at, id) from the job's mark up to `now - hours`, and moves the mark past every
 * question it looked at, answered or not: a run costs what was asked since the last one. The
 * mark stays locked for the run, so concurrent runs leave the walk to the one holding it.
 */
@Injectable()
export class AutoEscalation {
  private readonly logger = new Logger(AutoEscalation.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly marks: JobMarksRepository,
    private readonly questions: QuestionsAwaitingAnswerRepository,
    private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How many cases the run opened. */
  async run(now: Date): Promise<number> {
    const hours = this.config.careAutoEscalateHours;
    if (hours <= 0) return 0;
    const until = new Date(now.getTime() - hours * 3_600_000);
    return this.transactions.run(async (tx) => {
      let mark = await this.marks.claim(AUTO_ESCALATION_JOB, tx);
      if (!mark) return 0;
      let opened = 0;
      for (let walked = 0; walked < MOST_PER_RUN; walked += PAGE) {
        const page = await this.questions.askedBetween(
          { createdAt: mark.at, id: mark.id },
          until,
          PAGE,
        );
        for (const question of page) {
          if (!question.answeredByOthers && (await this.escalate(question, now))) opened += 1;
        }
        if (page.length === 0) break;
        const last = page[page.length - 1];
        mark = { at: last.createdAt, id: last.id };
        await this.marks.move(AUTO_ESCALATION_JOB, mark, tx);
        if (page.length < PAGE) break;
      }
      return opened;
    });
  }

  /**
   * Whether a case was opened. A question care refuses by its rules (its asker's open cases at
   * the limit, say) is passed over; anything else fails the run, to be walked again next time.
   */
  private async escalate(question: AskedQuestion, now: Date): Promise<boolean> {
    try {
      return (await this.cases.openAutoEscalated(question, now)) !== null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.logger.warn(`question ${question.id} not escalated: ${error.message}`);
      return false;
    }
  }
}
