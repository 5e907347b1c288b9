import { useTranslation } from 'react-i18next';
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useLocation,
} from 'react-router';
import { CommentList } from '../components/ideas/comment-list';
import { StatusBadge } from '../components/ideas/status-badge';
import { VoteButton } from '../components/ideas/vote-button';
import { TextAreaField } from '../components/text-area-field';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formatDate } from '../lib/format';
import { formErrors } from '../lib/form-errors';
import { requestInfo } from '../request-context';
import { useRootData } from '../root';
import type { Route } from './+types/idea';
import { FormErrorList } from '../components/form-errors';

const IdeaQuery = graphql(`
  query IdeaPage($id: ID!, $after: String) {
    idea(id: $id) {
      ...IdeaSummary
      bodyHtml
      statusNote
      mergedInto {
        id
        title
        status
      }
      board {
        slug
        name
      }
      comments(first: 20, after: $after) {
        totalCount
        edges {
          node {
            id
            bodyHtml
            createdAt
            status
            author {
              handle
              displayName
            }
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

const CommentMutation = graphql(`
  mutation CommentOnIdea($ideaId: ID!, $body: String!) {
    commentOnIdea(ideaId: $ideaId, body: $body) {
      id
    }
  }
`);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const after = new URL(request.url).searchParams.get('after');
  const result = await callApi(context.get(requestInfo), IdeaQuery, { id: params.id, after });
  // An ID that is no idea's (or not one this viewer may see) is a missing page, not a failure.
  if (result.ok && result.data.idea) return { idea: result.data.idea, paged: after !== null };
  const badId = !result.ok && result.errors.some((error) => error.code === 'BAD_USER_INPUT');
  if (result.ok || badId) throw data(null, { status: 404 });
  throw data(null, { status: 502 });
}

/** A comment on the idea; visitors sign in first and come back. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const info = context.get(requestInfo);
  const here = `/ideas/i/${encodeURIComponent(params.id)}`;
  if (!info.token) return redirect(`/sign-in?returnTo=${encodeURIComponent(here)}`);
  const form = await request.formData();
  const body = String(form.get('body') ?? '');
  const result = await callApi(info, CommentMutation, { ideaId: params.id, body });
  if (result.ok) return redirect(`${here}#comment-${result.data.commentOnIdea.id}`);
  return { body, errors: formErrors(result.errors, ['body']) };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.idea.title ?? 'Idea'} · Community` }];
}

export default function Idea() {
  const { t } = useTranslation();
  const { locale, viewer } = useRootData();
  const { idea, paged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const here = `/ideas/i/${encodeURIComponent(idea.id)}`;
  return (
    <article className="idea-page">
      <p className="breadcrumb">
        <Link to="/ideas">{t('ideas.title')}</Link> ›{' '}
        <Link to={`/ideas/${encodeURIComponent(idea.board.slug)}`}>{idea.board.name}</Link>
      </p>
      {idea.status === 'MERGED' && idea.mergedInto && (
        <section className="notice merged-notice" aria-labelledby="merged-heading">
          <h2 id="merged-heading">{t('ideas.mergedHeading')}</h2>
          <p>
            {t('ideas.mergedInto')}{' '}
            <Link to={`/ideas/i/${encodeURIComponent(idea.mergedInto.id)}`}>
              {idea.mergedInto.title}
            </Link>
          </p>
        </section>
      )}
      <div className="idea-head">
        <VoteButton idea={idea} />
        <div>
          <h1>{idea.title}</h1>
          <p className="meta">
            <StatusBadge status={idea.status} /> {t('ideas.submittedBy')}{' '}
            <Link to={`/members/${encodeURIComponent(idea.author.handle)}`}>
              {idea.author.displayName}
            </Link>{' '}
            · <time dateTime={idea.createdAt}>{formatDate(locale, idea.createdAt)}</time>
          </p>
        </div>
      </div>
      {idea.statusNote && (
        <section className="notice status-note" aria-labelledby="status-note-heading">
          <h2 id="status-note-heading">{t('ideas.statusNote')}</h2>
          <p>{idea.statusNote}</p>
        </section>
      )}
      <div className="prose" dangerouslySetInnerHTML={{ __html: idea.bodyHtml }} />

      <section aria-labelledby="comments-heading" className="comments">
        <h2 id="comments-heading">
          {t('ideas.comments')} ({idea.comments.totalCount})
        </h2>
        <CommentList key={location.search} comments={idea.comments} />
        {paged && (
          <p>
            <Link to={here}>{t('ideas.firstComments')}</Link>
          </p>
        )}
        {viewer ? (
          // Keyed by the count, so that the box empties once the comment is in.
          <Form method="post" className="stack" key={idea.comments.totalCount} noValidate>
            <FormErrorList messages={result?.errors.form} />
            <TextAreaField
              label={t('ideas.commentLabel')}
              name="body"
              rows={4}
              defaultValue={result?.body}
              error={result?.errors.fields.body}
              required
            />
            <div>
              <button type="submit" className="primary">
                {t('ideas.postComment')}
              </button>
            </div>
          </Form>
        ) : (
          <p>
            <Link to={`/sign-in?returnTo=${encodeURIComponent(here)}`}>
              {t('ideas.signInToComment')}
            </Link>
          </p>
        )}
      </section>
    </article>
  );
}
