import { toGlobalId } from '@app/core';
import { csvRecord } from './csv';

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
  return csvRecord(COLUMNS);
}

/** One idea as a CSV record; ids and links are the ones clients see. */
export function ideaCsvRecord(idea: ExportedIdea, publicUrl: string): string {
  const id = toGlobalId('Idea', idea.id);
  return csvRecord([
    id,
    idea.title,
    idea.status,
    String(idea.voteCount),
    idea.authorHandle,
    idea.createdAt.toISOString(),
    idea.tags.join(TAG_SEPARATOR),
    `${publicUrl}/ideas/${id}`,
  ]);
}
