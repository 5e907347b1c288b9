import { useTranslation } from 'react-i18next';
import { data, Link, redirect, useActionData, useLoaderData, useLocation } from 'react-router';
import { MoreLink } from '../components/more-link';
import { OrderTabs } from '../components/order-tabs';
import { RatingHistogram } from '../components/products/rating-histogram';
import { RatingSummary } from '../components/products/rating-summary';
import { ReviewForm } from '../components/products/review-form';
import { ReviewList } from '../components/products/review-list';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { ReviewOrder } from '../graphql/generated/graphql';
import { formErrors } from '../lib/form-errors';
import { safeReturnTo } from '../lib/safe-redirect';
import { useMore } from '../lib/use-more';
import { requestInfo } from '../request-context';
import { useRootData } from '../root';
import type { Route } from './+types/product';

const ProductQuery = graphql(`
  query ProductPage($id: ID!, $orderBy: ReviewOrder!, $after: String) {
    product(id: $id) {
      id
      name
      description
      ratingAverage
      ratingCount
      ratingHistogram
      reviews(first: 10, orderBy: $orderBy, after: $after) {
        totalCount
        edges {
          node {
            ...ReviewItem
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

const WriteReviewMutation = graphql(`
  mutation WriteReview($input: WriteReviewInput!) {
    writeReview(input: $input) {
      id
    }
  }
`);

const MarkHelpfulMutation = graphql(`
  mutation MarkReviewHelpful($reviewId: ID!) {
    markReviewHelpful(reviewId: $reviewId) {
      id
      helpfulCount
      viewerFoundHelpful
    }
  }
`);

/** `?order=` values, as the tabs link them, and the API's orders they stand for. */
const ORDERS = {
  helpful: 'MOST_HELPFUL',
  newest: 'NEWEST',
  highest: 'HIGHEST_RATING',
  lowest: 'LOWEST_RATING',
} as const satisfies Record<string, ReviewOrder>;
type OrderParam = keyof typeof ORDERS;

function orderParam(value: string | null): OrderParam {
  return value && value in ORDERS ? (value as OrderParam) : 'helpful';
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const search = new URL(request.url).searchParams;
  const order = orderParam(search.get('order'));
  const after = search.get('after');
  const result = await callApi(context.get(requestInfo), ProductQuery, {
    id: params.id,
    orderBy: ORDERS[order],
    after,
  });
  if (result.ok && result.data.product) {
    return { product: result.data.product, order, paged: after !== null };
  }
  // An ID that is no product's is a missing page, not a failure.
  const badId = !result.ok && result.errors.some((error) => error.code === 'BAD_USER_INPUT');
  throw data(null, { status: result.ok || badId ? 404 : 502 });
}

/** Writing a review, or marking one helpful; visitors sign in first and come back. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const info = context.get(requestInfo);
  const here = `/products/${encodeURIComponent(params.id)}`;
  const form = await request.formData();
  const returnTo = safeReturnTo(form.get('returnTo') ?? here);
  if (!info.token) return redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);

  if (form.get('intent') === 'helpful') {
    const reviewId = String(form.get('reviewId') ?? '');
    const result = await callApi(info, MarkHelpfulMutation, { reviewId });
    if (result.ok && form.get('inPlace') !== '1') return redirect(returnTo);
    return {
      intent: 'helpful' as const,
      reviewId,
      review: result.ok ? result.data.markReviewHelpful : null,
      error: result.ok ? null : formErrors(result.errors, []).form[0],
    };
  }

  const values = {
    rating: String(form.get('rating') ?? ''),
    title: String(form.get('title') ?? ''),
    body: String(form.get('body') ?? ''),
  };
  const result = await callApi(info, WriteReviewMutation, {
    // No star chosen is 0, which the API refuses with its own sentence beside the stars.
    input: {
      productId: params.id,
      rating: Number(values.rating) || 0,
      title: values.title,
      body: values.body,
    },
  });
  if (result.ok) {
    // Newest first, so that the member sees their review at the top of the list.
    return redirect(`${here}?order=newest#review-${result.data.writeReview.id}`);
  }
  return {
    intent: 'review' as const,
    values,
    errors: formErrors(result.errors, ['rating', 'title', 'body']),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.product.name ?? 'Product'} · Community` }];
}

export default function Product() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  const loaderData = useLoaderData<typeof loader>();
  const { product, order, paged } = loaderData;
  const result = useActionData<typeof action>();
  const location = useLocation();
  const here = `/products/${encodeURIComponent(product.id)}`;
  const review = result?.intent === 'review' ? result : null;
  const helpful = result?.intent === 'helpful' && result.error ? result : null;
  return (
    <article className="product-page">
      <p className="breadcrumb">
        <Link to="/products">{t('products.title')}</Link>
      </p>
      <header className="product-head">
        <h1>{product.name}</h1>
        <RatingSummary average={product.ratingAverage} count={product.ratingCount} />
        <p>{product.description}</p>
        <a href="#write-review" className="button">
          {t('products.write.heading')}
        </a>
      </header>
      <RatingHistogram histogram={product.ratingHistogram} />

      <section aria-labelledby="reviews-heading" className="reviews">
        <h2 id="reviews-heading">
          {t('products.reviews')} ({product.reviews.totalCount})
        </h2>
        <OrderTabs
          label={t('products.orderLabel')}
          pathname={location.pathname}
          current={order}
          tabs={(Object.keys(ORDERS) as OrderParam[]).map((value) => ({
            value,
            label: t(`products.order.${value}`),
          }))}
        />
        {/* A new order or page starts the list afresh. */}
        <Reviews
          key={location.search}
          loaderData={loaderData}
          refusal={helpful && { reviewId: helpful.reviewId, error: helpful.error ?? '' }}
        />
        {paged && (
          <p>
            <Link to={`${here}?order=${order}`}>{t('products.firstReviews')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="write-review" className="write-review">
        <h2 id="write-review" tabIndex={-1}>
          {t('products.write.heading')}
        </h2>
        {viewer ? (
          <ReviewForm
            key={product.reviews.totalCount}
            values={review?.values}
            errors={review?.errors}
          />
        ) : (
          <p>
            <Link to={`/sign-in?returnTo=${encodeURIComponent(here)}`}>
              {t('products.write.signIn')}
            </Link>
          </p>
        )}
      </section>
    </article>
  );
}

type ProductData = Route.ComponentProps['loaderData'];

function pageOf(loaderData: ProductData) {
  return {
    nodes: loaderData.product.reviews.edges.map((edge) => edge.node),
    ...loaderData.product.reviews.pageInfo,
  };
}

function Reviews({
  loaderData,
  refusal,
}: {
  loaderData: ProductData;
  refusal: { reviewId: string; error: string } | null;
}) {
  const { t } = useTranslation();
  const more = useMore(pageOf(loaderData), pageOf);
  if (more.nodes.length === 0) return <p className="muted">{t('products.noReviews')}</p>;
  return (
    <>
      <ReviewList reviews={more.nodes} refusal={refusal} />
      <MoreLink more={more} label={t('products.moreReviews')} />
    </>
  );
}
