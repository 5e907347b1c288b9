import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A product members review, with the aggregates of its published reviews. */
@Entity('products')
export class ProductEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  sku!: string;

  @Column('text')
  name!: string;

  @Column('text')
  description!: string;

  @Column('int', { name: 'rating_count' })
  ratingCount!: number;

  @Column('int', { name: 'rating_sum' })
  ratingSum!: number;

  /** Published reviews per star, index 0 being one star. */
  @Column('int', { name: 'rating_histogram', array: true })
  ratingHistogram!: number[];

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
