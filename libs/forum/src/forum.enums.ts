import { registerEnumType } from '@nestjs/graphql';

export enum BoardKind {
  QUESTIONS = 'QUESTIONS',
  IDEAS = 'IDEAS',
}

export enum ThreadStatus {
  OPEN = 'OPEN',
  SOLVED = 'SOLVED',
  LOCKED = 'LOCKED',
}

export enum AnswerOrder {
  OLDEST = 'OLDEST',
  NEWEST = 'NEWEST',
  MOST_KUDOS = 'MOST_KUDOS',
}

export enum ThreadOrder {
  LAST_ACTIVITY = 'LAST_ACTIVITY',
  NEWEST = 'NEWEST',
}

registerEnumType(BoardKind, { name: 'BoardKind' });
registerEnumType(ThreadStatus, { name: 'ThreadStatus' });
registerEnumType(AnswerOrder, { name: 'AnswerOrder' });
registerEnumType(ThreadOrder, { name: 'ThreadOrder' });
