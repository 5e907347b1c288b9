import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BoardKind } from '../forum.enums';

@Entity('boards')
export class BoardEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  name!: string;

  @Column('text')
  description!: string;

  @Column('text')
  kind!: BoardKind;

  @Column('int', { name: 'thread_count' })
  threadCount!: number;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
