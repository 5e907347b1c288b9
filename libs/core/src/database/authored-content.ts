import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns that every piece of members' writing has (threads, answers, ideas, comments,
 * reviews), declared once; each entity extends it and adds its own. Who may see it is each
 * table's content status column, named by the table (status or content_status).
 */
export abstract class AuthoredContent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  /** The markdown as its author wrote it. */
  @Column('text')
  body!: string;

  /** The sanitised HTML rendered from `body` when it was written, so reads never render. */
  @Column('text', { name: 'body_html' })
  bodyHtml!: string;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
