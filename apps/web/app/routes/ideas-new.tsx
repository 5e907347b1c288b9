import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, redirect, useActionData, useFetcher, useLoaderData } from 'react-router';
import { SimilarIdeas } from '../components/ideas/similar-ideas';
import { Field } from '../components/field';
import { TextAreaField } from '../components/text-area-field';
import { callApi, queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formErrors } from '../lib/form-errors';
import { useHydrated } from '../lib/use-hydrated';
import { requestInfo } from '../request-context';
import type { Route } from './+types/ideas-new';
import { pageTitle } from '../lib/page-title';

const NewIdeaQuery = graphql(`
  query NewIdea($title: String!, $withSimilar: Boolean!) {
    boards {
      id
      slug
      name
      kind
    }
    similarIdeas(title: $title, first: 5) @include(if: $withSimilar) {
      ...IdeaSummary
    }
  }
`);

const SubmitIdeaMutation = graphql(`
  mutation SubmitIdea($input: SubmitIdeaInput!) {
    submitIdea(input: $input) {
      id
    }
  }
`);

/** Below this many characters a title matches too much to suggest anything useful. */
const MIN_SIMILAR_TITLE = 4;
/** How long typing pauses before the suggestions are asked for. */
const SIMILAR_DELAY_MS = 300;
const FIELDS = ['boardId', 'title', 'body'] as const;

/**
 * The form, for members only. Its query (`?title=`, also `?board=` and `?body=`) gives the
 * suggestions for a title: the page asks for them while the title is typed, and without
 * scripts the "Find similar ideas" button does.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const info = context.get(requestInfo);
  const url = new URL(request.url);
  if (!info.token) {
    throw redirect(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const search = url.searchParams;
  const title = (search.get('title') ?? '').trim().slice(0, 200);
  const withSimilar = title.length >= MIN_SIMILAR_TITLE;
  const result = await queryApi(info, NewIdeaQuery, { title, withSimilar });
  const boards = result.boards.filter((board) => board.kind === 'IDEAS');
  const slug = search.get('board');
  const only = boards.length === 1 ? boards[0].id : '';
  const chosen = boards.find((board) => board.slug === slug)?.id ?? search.get('boardId') ?? only;
  return {
    boards,
    similar: result.similarIdeas ?? [],
    values: { boardId: chosen, title: search.get('title') ?? '', body: search.get('body') ?? '' },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const info = context.get(requestInfo);
  if (!info.token) return redirect(`/sign-in?returnTo=${encodeURIComponent('/ideas/new')}`);
  const form = await request.formData();
  const values = {
    boardId: String(form.get('boardId') ?? ''),
    title: String(form.get('title') ?? ''),
    body: String(form.get('body') ?? ''),
  };
  const result = await callApi(info, SubmitIdeaMutation, { input: values });
  if (result.ok) return redirect(`/ideas/i/${encodeURIComponent(result.data.submitIdea.id)}`);
  return { values, errors: formErrors(result.errors, FIELDS) };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'ideas.new.title') }];
}

export default function NewIdea() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? loaderData.values;
  const errors = result?.errors;
  const hydrated = useHydrated();
  const suggestions = useSuggestions(loaderData.similar);

  return (
    <section className="new-idea">
      <h1>{t('ideas.new.title')}</h1>
      <p>{t('ideas.new.intro')}</p>
      <Form
        method="post"
        id="new-idea"
        className="stack"
        noValidate
        onChange={suggestions.onChange}
      >
        {errors?.form.map((message) => (
          <p key={message} className="error" role="alert">
            {message}
          </p>
        ))}
        <BoardSelect
          boards={loaderData.boards}
          value={values.boardId}
          // No board chosen: the API's "not a valid ID" would puzzle; say what to do instead.
          error={
            errors?.fields.boardId &&
            (values.boardId ? errors.fields.boardId : t('ideas.new.chooseBoardError'))
          }
        />
        <Field
          label={t('ideas.new.titleLabel')}
          name="title"
          hint={t('ideas.new.titleHint')}
          defaultValue={values.title}
          error={errors?.fields.title}
          autoComplete="off"
          required
        />
        {!hydrated && (
          <div>
            <button type="submit" formMethod="get">
              {t('ideas.new.findSimilar')}
            </button>
          </div>
        )}
      </Form>
      {/* Outside the form: its vote buttons are forms of their own. */}
      <SimilarIdeas ideas={suggestions.ideas} />
      <div className="stack">
        <TextAreaField
          form="new-idea"
          label={t('ideas.new.body')}
          name="body"
          hint={t('ideas.new.bodyHint')}
          defaultValue={values.body}
          error={errors?.fields.body}
          required
        />
        <div>
          <button type="submit" form="new-idea" className="primary">
            {t('ideas.new.submit')}
          </button>
        </div>
      </div>
    </section>
  );
}

type Suggestion = Route.ComponentProps['loaderData']['similar'][number];

/**
 * Suggestions for the title as it is typed: asked for from this page's loader once typing
 * pauses; until the title is touched, those the page came with (from `?title=`).
 */
function useSuggestions(initial: Suggestion[]) {
  const fetcher = useFetcher<Route.ComponentProps['loaderData']>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(event: React.ChangeEvent<HTMLFormElement>) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== 'title') return;
    const title = input.value.trim();
    setTyped(title);
    clearTimeout(timer.current);
    if (title.length < MIN_SIMILAR_TITLE) return;
    timer.current = setTimeout(() => {
      void fetcher.load(`/ideas/new?title=${encodeURIComponent(title)}`);
    }, SIMILAR_DELAY_MS);
  }

  let ideas = initial;
  if (typed !== null)
    ideas = typed.length >= MIN_SIMILAR_TITLE ? (fetcher.data?.similar ?? []) : [];
  return { ideas, onChange };
}

function BoardSelect({
  boards,
  value,
  error,
}: {
  boards: Array<{ id: string; name: string }>;
  value: string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor="idea-board">{t('ideas.new.board')}</label>
      <select
        id="idea-board"
        name="boardId"
        defaultValue={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'idea-board-error' : undefined}
      >
        <option value="">{t('ideas.new.chooseBoard')}</option>
        {boards.map((board) => (
          <option key={board.id} value={board.id}>
            {board.name}
          </option>
        ))}
      </select>
      {error && (
        <p id="idea-board-error" className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
