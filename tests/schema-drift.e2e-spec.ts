import { DataSource, EntitySchema } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { TestApp } from './support/test-app';

/**
 * Statements TypeORM would run on the migrated schema today that are not drift. The migrations
 * own the schema and write it in raw SQL; the entities are a thin mapping of the columns the
 * repositories read and write, and declare none of the constraints, indexes, defaults or
 * generated columns below (several of which decorators cannot express: partial, expression and
 * GIN indexes, generated tsvector columns). Each entry is one exact statement, so any other
 * change TypeORM wants (a column an entity declares that no migration creates, a changed type
 * or nullability, a new unmapped column or index on a mapped table) fails the test; the second
 * test makes the list shrink when an entity starts declaring one of them.
 */
const EXPECTED_DIFFERENCES: readonly string[] = [
  // Foreign keys. The entities map references as plain uuid columns (no @ManyToOne), so TypeORM
  // does not know the migrations' REFERENCES constraints.
  'ALTER TABLE "corrections" DROP CONSTRAINT "corrections_post_id_fkey"',
  'ALTER TABLE "corrections" DROP CONSTRAINT "corrections_moderator_id_fkey"',
  'ALTER TABLE "flags" DROP CONSTRAINT "flags_reporter_id_fkey"',
  'ALTER TABLE "flags" DROP CONSTRAINT "flags_review_item_id_fkey"',
  'ALTER TABLE "review_items" DROP CONSTRAINT "review_items_target_author_id_fkey"',
  'ALTER TABLE "review_items" DROP CONSTRAINT "review_items_claimed_by_fkey"',
  'ALTER TABLE "review_items" DROP CONSTRAINT "review_items_resolved_by_fkey"',
  'ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_actor_id_fkey"',
  'ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_target_user_id_fkey"',
  'ALTER TABLE "posts" DROP CONSTRAINT "posts_thread_id_fkey"',
  'ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey"',
  'ALTER TABLE "posts" DROP CONSTRAINT "posts_deleted_by_fkey"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_board_id_fkey"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_author_id_fkey"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_accepted_post_fk"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_accepted_by_fkey"',
  'ALTER TABLE "post_revisions" DROP CONSTRAINT "post_revisions_post_id_fkey"',
  'ALTER TABLE "post_revisions" DROP CONSTRAINT "post_revisions_editor_id_fkey"',
  'ALTER TABLE "idea_comments" DROP CONSTRAINT "idea_comments_idea_id_fkey"',
  'ALTER TABLE "idea_comments" DROP CONSTRAINT "idea_comments_author_id_fkey"',
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_board_id_fkey"',
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_author_id_fkey"',
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_merged_into_fkey"',
  'ALTER TABLE "export_jobs" DROP CONSTRAINT "export_jobs_requester_id_fkey"',
  'ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_id_fkey"',
  'ALTER TABLE "notifications" DROP CONSTRAINT "notifications_actor_id_fkey"',
  'ALTER TABLE "reviews" DROP CONSTRAINT "reviews_product_id_fkey"',
  'ALTER TABLE "reviews" DROP CONSTRAINT "reviews_author_id_fkey"',
  // CHECK constraints on enums and counters, written in the migrations' CREATE TABLE.
  'ALTER TABLE "users" DROP CONSTRAINT "users_role_check"',
  'ALTER TABLE "users" DROP CONSTRAINT "users_status_check"',
  'ALTER TABLE "users" DROP CONSTRAINT "users_accepted_solution_count_check"',
  'ALTER TABLE "flags" DROP CONSTRAINT "flags_reason_check"',
  'ALTER TABLE "review_items" DROP CONSTRAINT "review_items_kind_check"',
  'ALTER TABLE "review_items" DROP CONSTRAINT "review_items_status_check"',
  'ALTER TABLE "boards" DROP CONSTRAINT "boards_kind_check"',
  'ALTER TABLE "boards" DROP CONSTRAINT "boards_thread_count_check"',
  'ALTER TABLE "posts" DROP CONSTRAINT "posts_status_check"',
  'ALTER TABLE "posts" DROP CONSTRAINT "posts_kudos_count_check"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_status_check"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_content_status_check"',
  'ALTER TABLE "threads" DROP CONSTRAINT "threads_answer_count_check"',
  'ALTER TABLE "idea_comments" DROP CONSTRAINT "idea_comments_status_check"',
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_status_check"',
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_content_status_check"',
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_vote_count_check"',
  'ALTER TABLE "export_jobs" DROP CONSTRAINT "export_jobs_status_check"',
  'ALTER TABLE "reviews" DROP CONSTRAINT "reviews_rating_check"',
  'ALTER TABLE "reviews" DROP CONSTRAINT "reviews_status_check"',
  'ALTER TABLE "reviews" DROP CONSTRAINT "reviews_helpful_count_check"',
  'ALTER TABLE "products" DROP CONSTRAINT "products_rating_count_check"',
  'ALTER TABLE "products" DROP CONSTRAINT "products_rating_sum_check"',
  // UNIQUE constraints from the migrations (boards.slug, one flag / review per member, one
  // notification per event).
  'ALTER TABLE "flags" DROP CONSTRAINT "flags_one_per_member_key"',
  'ALTER TABLE "notifications" DROP CONSTRAINT "notifications_event_key"',
  'ALTER TABLE "reviews" DROP CONSTRAINT "reviews_one_per_member_key"',
  'ALTER TABLE "boards" DROP CONSTRAINT "boards_slug_key"',
  // Indexes. Most are partial (WHERE ...), expression (lower(...)), GIN (tags, tsvector, pg_trgm)
  // or carry a sort order, which @Index cannot express; none is declared on the entities.
  'DROP INDEX "public"."users_staff_idx"',
  'DROP INDEX "public"."corrections_post_idx"',
  'DROP INDEX "public"."flags_review_item_idx"',
  'DROP INDEX "public"."review_items_open_target_key"',
  'DROP INDEX "public"."review_items_queue_idx"',
  'DROP INDEX "public"."moderation_actions_log_idx"',
  'DROP INDEX "public"."posts_thread_created_idx"',
  'DROP INDEX "public"."posts_thread_kudos_idx"',
  'DROP INDEX "public"."posts_author_idx"',
  'DROP INDEX "public"."posts_search_idx"',
  'DROP INDEX "public"."posts_author_recent_idx"',
  'DROP INDEX "public"."posts_published_newest_idx"',
  'DROP INDEX "public"."threads_activity_idx"',
  'DROP INDEX "public"."threads_newest_idx"',
  'DROP INDEX "public"."threads_board_activity_idx"',
  'DROP INDEX "public"."threads_board_newest_idx"',
  'DROP INDEX "public"."threads_status_activity_idx"',
  'DROP INDEX "public"."threads_status_newest_idx"',
  'DROP INDEX "public"."threads_unanswered_activity_idx"',
  'DROP INDEX "public"."threads_unanswered_newest_idx"',
  'DROP INDEX "public"."threads_tags_idx"',
  'DROP INDEX "public"."threads_author_idx"',
  'DROP INDEX "public"."threads_search_idx"',
  'DROP INDEX "public"."threads_sitemap_idx"',
  'DROP INDEX "public"."post_revisions_post_idx"',
  'DROP INDEX "public"."idea_comments_idea_idx"',
  'DROP INDEX "public"."ideas_top_idx"',
  'DROP INDEX "public"."ideas_board_top_idx"',
  'DROP INDEX "public"."ideas_status_top_idx"',
  'DROP INDEX "public"."ideas_trending_idx"',
  'DROP INDEX "public"."ideas_board_trending_idx"',
  'DROP INDEX "public"."ideas_status_trending_idx"',
  'DROP INDEX "public"."ideas_newest_idx"',
  'DROP INDEX "public"."ideas_board_newest_idx"',
  'DROP INDEX "public"."ideas_status_newest_idx"',
  'DROP INDEX "public"."ideas_tags_idx"',
  'DROP INDEX "public"."ideas_author_idx"',
  'DROP INDEX "public"."ideas_open_title_trgm_idx"',
  'DROP INDEX "public"."export_jobs_requester_idx"',
  'DROP INDEX "public"."export_jobs_finished_idx"',
  'DROP INDEX "public"."notifications_recipient_idx"',
  'DROP INDEX "public"."notifications_unread_idx"',
  'DROP INDEX "public"."notifications_kudo_once_key"',
  'DROP INDEX "public"."reviews_helpful_idx"',
  'DROP INDEX "public"."reviews_newest_idx"',
  'DROP INDEX "public"."reviews_highest_idx"',
  'DROP INDEX "public"."reviews_lowest_idx"',
  'DROP INDEX "public"."reviews_author_idx"',
  'DROP INDEX "public"."products_newest_idx"',
  // Full-text search vectors: tsvector GENERATED ALWAYS AS (...) STORED columns read by the search
  // repository's raw SQL. TypeORM would drop them (and clear their typeorm_metadata rows).
  'ALTER TABLE "posts" DROP COLUMN "search_vector"',
  'DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5',
  'ALTER TABLE "threads" DROP COLUMN "search_vector"',
  'ALTER TABLE "ideas" DROP COLUMN "search_vector"',
  // notifications.emailed_at: written and read only by the email processor's raw SQL, not mapped.
  'ALTER TABLE "notifications" DROP COLUMN "emailed_at"',
  // Column defaults (now(), 0, 'ACTIVE', '{}' ...) live in the migrations; the entities declare none.
  'ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT',
  'ALTER TABLE "users" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "users" ALTER COLUMN "reputation" DROP DEFAULT',
  'ALTER TABLE "users" ALTER COLUMN "accepted_solution_count" DROP DEFAULT',
  'ALTER TABLE "users" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "corrections" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "flags" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "priority" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "flag_count" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "flag_weight" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "hide_weight" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "reporter_reputation" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "reasons" DROP DEFAULT',
  'ALTER TABLE "review_items" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "moderation_actions" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "boards" ALTER COLUMN "thread_count" DROP DEFAULT',
  'ALTER TABLE "boards" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "posts" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "posts" ALTER COLUMN "kudos_count" DROP DEFAULT',
  'ALTER TABLE "posts" ALTER COLUMN "official" DROP DEFAULT',
  'ALTER TABLE "posts" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "threads" ALTER COLUMN "tags" DROP DEFAULT',
  'ALTER TABLE "threads" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "threads" ALTER COLUMN "content_status" DROP DEFAULT',
  'ALTER TABLE "threads" ALTER COLUMN "answer_count" DROP DEFAULT',
  'ALTER TABLE "threads" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "threads" ALTER COLUMN "last_activity_at" DROP DEFAULT',
  'ALTER TABLE "post_revisions" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "idea_comments" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "idea_comments" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "ideas" ALTER COLUMN "tags" DROP DEFAULT',
  'ALTER TABLE "ideas" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "ideas" ALTER COLUMN "content_status" DROP DEFAULT',
  'ALTER TABLE "ideas" ALTER COLUMN "vote_count" DROP DEFAULT',
  'ALTER TABLE "ideas" ALTER COLUMN "trending_score" DROP DEFAULT',
  'ALTER TABLE "ideas" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "export_jobs" ALTER COLUMN "filter" DROP DEFAULT',
  'ALTER TABLE "export_jobs" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "export_jobs" ALTER COLUMN "row_count" DROP DEFAULT',
  'ALTER TABLE "export_jobs" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "notifications" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "reviews" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "reviews" ALTER COLUMN "helpful_count" DROP DEFAULT',
  'ALTER TABLE "reviews" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "products" ALTER COLUMN "rating_count" DROP DEFAULT',
  'ALTER TABLE "products" ALTER COLUMN "rating_sum" DROP DEFAULT',
  'ALTER TABLE "products" ALTER COLUMN "rating_histogram" DROP DEFAULT',
  'ALTER TABLE "products" ALTER COLUMN "created_at" DROP DEFAULT',
  // care_cases, care_case_messages (migration 1764001000000-Care): references, the one open case
  // per thread, the inbox / assignee / member / window / fallback indexes, the enum checks, the
  // case number's sequence and the defaults, none of which the entities declare.
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_member_id_fkey"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_thread_id_fkey"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_assignee_id_fkey"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_public_answer_id_fkey"',
  'ALTER TABLE "care_case_messages" DROP CONSTRAINT "care_case_messages_case_id_fkey"',
  'ALTER TABLE "care_case_messages" DROP CONSTRAINT "care_case_messages_author_id_fkey"',
  'DROP INDEX "public"."care_cases_open_thread_idx"',
  'DROP INDEX "public"."care_cases_inbox_idx"',
  'DROP INDEX "public"."care_cases_assignee_idx"',
  'DROP INDEX "public"."care_cases_member_idx"',
  'DROP INDEX "public"."care_cases_member_open_idx"',
  'DROP INDEX "public"."care_cases_created_idx"',
  'DROP INDEX "public"."care_cases_rep_fallback_idx"',
  'DROP INDEX "public"."care_case_messages_case_idx"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_status_check"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_priority_check"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_priority_rank_check"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_origin_check"',
  'ALTER TABLE "care_cases" DROP CONSTRAINT "care_cases_number_key"',
  'ALTER TABLE "care_cases" ALTER COLUMN "number" DROP DEFAULT',
  'ALTER TABLE "care_cases" ALTER COLUMN "status" DROP DEFAULT',
  'ALTER TABLE "care_cases" ALTER COLUMN "priority" DROP DEFAULT',
  'ALTER TABLE "care_cases" ALTER COLUMN "priority_rank" DROP DEFAULT',
  'ALTER TABLE "care_cases" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "care_cases" ALTER COLUMN "updated_at" DROP DEFAULT',
  'ALTER TABLE "care_case_messages" ALTER COLUMN "created_at" DROP DEFAULT',
  'ALTER TABLE "care_case_messages" ALTER COLUMN "internal" DROP DEFAULT',
  // ideas.weighted_vote_count (weighted idea votes): its check, default and WEIGHTED indexes.
  'ALTER TABLE "ideas" DROP CONSTRAINT "ideas_weighted_vote_count_check"',
  'ALTER TABLE "ideas" ALTER COLUMN "weighted_vote_count" DROP DEFAULT',
  'DROP INDEX "public"."ideas_weighted_idx"',
  'DROP INDEX "public"."ideas_board_weighted_idx"',
  'DROP INDEX "public"."ideas_status_weighted_idx"',
];

/**
 * The migrated schema matches the entities: asked what it would change to fit the entity
 * classes the API and the worker register (forFeature with autoLoadEntities), TypeORM answers
 * nothing beyond the known differences above. A column added to an entity without a migration
 * (or one dropped or retyped by a migration without the entity) fails here.
 */
describe('the migrated database schema', () => {
  const app = new TestApp();
  let dataSource: DataSource;

  beforeAll(async () => {
    await app.start({ worker: true });
    // TypeORM reads the expressions of generated columns from its metadata table, which the
    // migrations never need; an empty one in this test's own database lets it compare them.
    await app.sql(
      'CREATE TABLE typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)',
    );
    // Every entity either process loads, exactly as the apps register them.
    const entities = new Set<string | EntitySchema | (new () => unknown)>();
    for (const context of [app.api, app.worker]) {
      for (const metadata of context?.get(DataSource).entityMetadatas ?? []) {
        entities.add(metadata.target as new () => unknown);
      }
    }
    dataSource = new DataSource({
      ...dataSourceOptions(app.databaseUrl, 2),
      entities: [...entities],
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await app.stop();
  });

  it('is what the entities declare (no statements left to synchronize)', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const unexpected = upQueries
      .map((query) => query.query)
      .filter((query) => !EXPECTED_DIFFERENCES.includes(query));
    expect(unexpected).toEqual([]);
  });

  it('lists no expected difference that no longer occurs', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const queries = upQueries.map((query) => query.query);
    expect(EXPECTED_DIFFERENCES.filter((query) => !queries.includes(query))).toEqual([]);
  });
});
