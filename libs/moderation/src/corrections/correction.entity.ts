import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A moderator's or agent's correction of advice in a post, shown beside it to every reader. */
@Entity('corrections')
export class CorrectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'post_id' })
  postId!: string;

  @Column('uuid', { name: 'moderator_id' })
  moderatorId!: string;

  @Column('text')
  note!: string;

  @Column('text', { name: 'note_html' })
  noteHtml!: string;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
