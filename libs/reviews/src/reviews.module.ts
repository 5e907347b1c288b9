import { Module } from '@nestjs/common';

/** Products, reviews, helpful marks and rating aggregates. */
@Module({})
export class ReviewsModule {}
