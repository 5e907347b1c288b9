import { ContentStatus } from '@app/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's review of a product: one per member per product. */
@Entity('reviews')
export class ReviewEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('smallint')
  rating!: number;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text', { name: 'body_html' })
  bodyHtml!: string;

  @Column('text')
  status!: ContentStatus;

  @Column('int', { name: 'helpful_count' })
  helpfulCount!: number;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
