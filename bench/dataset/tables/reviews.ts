import { TableRows } from '../copy';
import { Kind, uuidOf } from '../ids';
import { CommunityPlan, DAY_MS, MINUTE_MS, Stream } from '../plan';
import { below, chance, heavyTail, sequence } from '../random';
import { review } from '../text';
import { iso } from './timestamps';

/**
 * Products with their rating aggregates as planned, their reviews (each product's by a run of
 * distinct members) and the helpful marks each review's helpful count says it has.
 */
export function reviewTables(plan: CommunityPlan): TableRows[] {
  const { products, reviewsPerProduct, members } = plan.size;
  const reviewIndex = (p: number, j: number) => p * reviewsPerProduct + j;
  const helpful = (r: number) =>
    Math.min(heavyTail(chance(Stream.Helpful, r), 1, 2.2), members - 1);
  const reviewedAt = (p: number, j: number) =>
    plan.now - (j + 1) * 3 * 60 * MINUTE_MS - below(DAY_MS, Stream.Reviewers, p, j + 1);
  return [
    {
      table: 'products',
      columns: [
        'id',
        'sku',
        'name',
        'description',
        'rating_count',
        'rating_sum',
        'rating_histogram',
        'created_at',
      ],
      expectedRows: products,
      *rows() {
        for (let p = 0; p < products; p++) {
          const stars = Array.from(plan.ratings.subarray(p * 5, p * 5 + 5));
          const count = stars.reduce((sum, n) => sum + n, 0);
          const total = stars.reduce((sum, n, star) => sum + n * (star + 1), 0);
          yield [
            uuidOf(Kind.Product, p),
            `SKU-${p + 1}`,
            `Home Hub ${p + 1}`,
            `A home hub with wifi and a phone line, model ${p + 1}`,
            count,
            total,
            stars.map(String),
            iso(plan.now - (p + 1) * DAY_MS),
          ];
        }
      },
    },
    {
      table: 'reviews',
      columns: [
        'id',
        'product_id',
        'author_id',
        'rating',
        'title',
        'body',
        'body_html',
        'helpful_count',
        'created_at',
      ],
      expectedRows: products * reviewsPerProduct,
      *rows() {
        for (let p = 0; p < products; p++) {
          for (let j = 0; j < reviewsPerProduct; j++) {
            const r = reviewIndex(p, j);
            const rating = plan.rating(p, j);
            const text = review(sequence(Stream.ReviewText, r), rating);
            yield [
              uuidOf(Kind.Review, r),
              uuidOf(Kind.Product, p),
              uuidOf(Kind.Member, plan.memberInRun(Stream.Reviewers, p, j)),
              rating,
              text.title,
              text.body,
              `<p>${text.body}</p>`,
              helpful(r),
              iso(reviewedAt(p, j)),
            ];
          }
        }
      },
    },
    {
      table: 'review_helpful_marks',
      columns: ['review_id', 'user_id', 'created_at'],
      expectedRows: products * reviewsPerProduct,
      *rows() {
        for (let p = 0; p < products; p++) {
          for (let j = 0; j < reviewsPerProduct; j++) {
            const r = reviewIndex(p, j);
            const id = uuidOf(Kind.Review, r);
            const at = iso(reviewedAt(p, j) + MINUTE_MS);
            for (let k = 0; k < helpful(r); k++) {
              yield [id, uuidOf(Kind.Member, plan.memberInRun(Stream.HelpfulMarkers, r, k)), at];
            }
          }
        }
      },
    },
  ];
}
