import { toGlobalId } from '@app/core';
import { csvRecords } from './csv';

/** An idea as one CSV row needs it. */
export interface ExportedIdea {
  id: string;
  title: string;
  status: string;
  voteCount: number;
  authorHandle: string;
  createdAt: Date;
  tags: readonly string[];
}

/** Tags are `[a-z0-9-]`, so a semicolon never appears inside one. */
const TAG_SEPARATOR = ';';

const COLUMNS = ['id', 'title', 'status', 'votes', 'author', 'created', 'tags', 'url'];

/** The header record of an ideas export. */
export function ideaCsvHeader(): string {
  return csvRecords([COLUMNS]);
}

/** Ideas as CSV records, one each; ids and links are the ones clients see. */
export function ideaCsvRecords(ideas: readonly ExportedIdea[], publicUrl: string): string {
  return csvRecords(
    ideas.map((idea) => {
      const id = toGlobalId('Idea', idea.id);
      return [
        id,
        idea.title,
        idea.status,
        String(idea.voteCount),
        idea.authorHandle,
        idea.createdAt.toISOString(),
        idea.tags.join(TAG_SEPARATOR),
        `${publicUrl}/ideas/${id}`,
      ];
    }),
  );
}
