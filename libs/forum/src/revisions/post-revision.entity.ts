import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The body a post had before an edit, kept so that no member's words are ever lost. */
@Entity('post_revisions')
export class PostRevisionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'post_id' })
  postId!: string;

  @Column('uuid', { name: 'editor_id' })
  editorId!: string;

  @Column('text')
  body!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
