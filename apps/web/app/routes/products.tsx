import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useLocation } from 'react-router';
import { MoreLink } from '../components/more-link';
import { RatingSummary } from '../components/products/rating-summary';
import { queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { useMore } from '../lib/use-more';
import { requestInfo } from '../request-context';
import type { Route } from './+types/products';
import { pageTitle } from '../lib/page-title';

const ProductsQuery = graphql(`
  query Products($after: String) {
    products(first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          description
          ratingAverage
          ratingCount
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export async function loader({ request, context }: Route.LoaderArgs) {
  const after = new URL(request.url).searchParams.get('after');
  const { products } = await queryApi(context.get(requestInfo), ProductsQuery, { after });
  return { products, paged: after !== null };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'products.title') }];
}

export default function Products() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <div className="products-page">
      <header className="page-heading">
        <h1>{t('products.title')}</h1>
        <p>{t('products.intro')}</p>
      </header>
      {/* A new page starts the list afresh. */}
      <ProductList key={location.search} loaderData={loaderData} />
      {loaderData.paged && (
        <p>
          <Link to="/products">{t('products.firstPage')}</Link>
        </p>
      )}
    </div>
  );
}

type ProductsData = Route.ComponentProps['loaderData'];

function pageOf(loaderData: ProductsData) {
  return {
    nodes: loaderData.products.edges.map((edge) => edge.node),
    ...loaderData.products.pageInfo,
  };
}

function ProductList({ loaderData }: { loaderData: ProductsData }) {
  const { t } = useTranslation();
  const more = useMore(pageOf(loaderData), pageOf);
  if (more.nodes.length === 0) return <p className="muted">{t('products.empty')}</p>;
  return (
    <>
      <ul className="product-grid">
        {more.nodes.map((product) => (
          <li key={product.id} className="card product-card">
            <h2 className="card-title">
              <Link to={`/products/${encodeURIComponent(product.id)}`}>{product.name}</Link>
            </h2>
            <RatingSummary average={product.ratingAverage} count={product.ratingCount} />
            <p className="product-description">{product.description}</p>
          </li>
        ))}
      </ul>
      <MoreLink more={more} label={t('products.more')} />
    </>
  );
}
