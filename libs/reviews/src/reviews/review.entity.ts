import { AuthoredContent, ContentStatus } from '@app/core';
import { Column, Entity } from 'typeorm';

/** A member's review of a product: one per member per product. */
@Entity('reviews')
export class ReviewEntity extends AuthoredContent {
  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('smallint')
  rating!: number;

  @Column('text')
  title!: string;

  @Column('text')
  status!: ContentStatus;

  @Column('int', { name: 'helpful_count' })
  helpfulCount!: number;
}
