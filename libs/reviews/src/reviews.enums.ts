import { registerEnumType } from '@nestjs/graphql';

/** The orders of a product's reviews; the migration has one index per order. */
export enum ReviewOrder {
  MOST_HELPFUL = 'MOST_HELPFUL',
  NEWEST = 'NEWEST',
  HIGHEST_RATING = 'HIGHEST_RATING',
  LOWEST_RATING = 'LOWEST_RATING',
}

registerEnumType(ReviewOrder, { name: 'ReviewOrder' });
