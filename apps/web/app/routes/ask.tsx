import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, redirect, useActionData, useFetcher, useLoaderData } from 'react-router';
import { Field } from '../components/field';
import { BoardSelect } from '../components/forum/board-select';
import { MarkdownEditor } from '../components/forum/markdown-editor';
import { DeflectionForms, SimilarThreads } from '../components/forum/similar-threads';
import { callApi, queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { pageCacheHeaders } from '../lib/cache-control';
import { formErrors, type FormErrors } from '../lib/form-errors';
import { threadPath } from '../lib/forum-paths';
import { previewMarkdown } from '../lib/markdown-preview.server';
import { requestInfo } from '../request-context';
import type { Route } from './+types/ask';
import type { loader as similarLoader } from './similar-threads';
import { pageTitle } from '../lib/page-title';

const AskBoardsQuery = graphql(`
  query AskBoards {
    boards {
      id
      slug
      name
      kind
    }
  }
`);

const AskQuestion = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      id
    }
  }
`);

const FIELDS = ['boardId', 'title', 'body', 'tags'] as const;
const SUGGEST_AFTER_MS = 350;

interface AskValues {
  boardId: string;
  title: string;
  tags: string;
  body: string;
}

type AskResult = { values: AskValues; errors: FormErrors; preview?: string; noBoard?: boolean };

export async function loader({ request, context }: Route.LoaderArgs) {
  const info = context.get(requestInfo);
  const url = new URL(request.url);
  if (!info.token) {
    throw redirect(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const questionBoards = (await queryApi(info, AskBoardsQuery, {})).boards.filter(
    (board) => board.kind === 'QUESTIONS',
  );
  // The board the member came from, or the only one there is.
  const chosen =
    questionBoards.find((board) => board.slug === url.searchParams.get('board')) ??
    (questionBoards.length === 1 ? questionBoards[0] : undefined);
  return {
    boards: questionBoards,
    boardId: chosen?.id ?? '',
    // The question's idempotency key: a double submit asks once.
    formKey: crypto.randomUUID(),
  };
}

/** "voicemail, Setup  pin" → ["voicemail", "setup", "pin"]: the API checks each tag's form. */
function tagList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
}

export async function action({
  request,
  context,
}: Route.ActionArgs): Promise<AskResult | Response> {
  const info = context.get(requestInfo);
  if (!info.token) return redirect('/sign-in?returnTo=%2Fask');
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const values = {
    boardId: text('boardId'),
    title: text('title'),
    tags: text('tags'),
    body: text('body'),
  };
  if (text('intent') === 'preview') {
    const { html, errors } = await previewMarkdown(info, values.body);
    return { values, errors, preview: html };
  }
  // Nothing chosen is the form's own concern; the API would only say the ID is not one.
  if (!values.boardId) return { values, errors: { fields: {}, form: [] }, noBoard: true };
  const result = await callApi(info, AskQuestion, {
    input: {
      boardId: values.boardId,
      title: values.title.trim(),
      body: values.body,
      tags: tagList(values.tags),
      clientMutationId: text('formKey') || null,
    },
  });
  if (result.ok) return redirect(threadPath(result.data.askQuestion.id));
  return { values, errors: formErrors(result.errors, FIELDS) };
}

/** The form is a member's own: no cache keeps it. */
export function headers() {
  return pageCacheHeaders(true);
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'forum.askTitle') }];
}

/**
 * Asks the API for threads like the title while it is typed, once typing pauses. A title typed
 * before the page's script had started is looked up as soon as it has.
 */
function useSimilarThreads() {
  const fetcher = useFetcher<typeof similarLoader>();
  const { load } = fetcher;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const field = useRef<HTMLDivElement>(null);
  const onTitle = useCallback(
    (title: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(
        () => void load(`/similar-threads?title=${encodeURIComponent(title)}`),
        SUGGEST_AFTER_MS,
      );
    },
    [load],
  );
  useEffect(() => {
    const typed = field.current?.querySelector('input')?.value;
    if (typed) onTitle(typed);
    return () => clearTimeout(timer.current);
  }, [onTitle]);
  return { threads: fetcher.data?.threads ?? [], onTitle, field };
}

export default function Ask() {
  const { t } = useTranslation();
  const { boards, boardId, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const similar = useSimilarThreads();
  const values = result?.values;
  const errors = result?.errors;
  return (
    <section className="ask-page">
      <h1>{t('forum.askTitle')}</h1>
      <p className="muted ask-intro">{t('forum.askIntro')}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="formKey" value={formKey} />
        {errors?.form.map((message) => (
          <p key={message} className="error" role="alert">
            {message}
          </p>
        ))}
        <BoardSelect
          boards={boards}
          defaultValue={values?.boardId ?? boardId}
          error={result?.noBoard ? t('forum.chooseBoardError') : errors?.fields.boardId}
        />
        {/* Input events bubble: the shared Field needs no handler of its own. */}
        <div
          ref={similar.field}
          onInput={(event) => {
            if (event.target instanceof HTMLInputElement) similar.onTitle(event.target.value);
          }}
        >
          <Field
            label={t('forum.questionTitle')}
            name="title"
            hint={t('forum.titleHint')}
            defaultValue={values?.title}
            error={errors?.fields.title}
            required
          />
          <SimilarThreads threads={similar.threads} />
        </div>
        <Field
          label={t('forum.tagsLabel')}
          name="tags"
          hint={t('forum.tagsHint')}
          defaultValue={values?.tags}
          error={errors?.fields.tags}
        />
        <MarkdownEditor
          label={t('forum.questionBody')}
          name="body"
          rows={10}
          defaultValue={values?.body}
          error={errors?.fields.body}
          preview={result?.preview}
          submit={
            <button type="submit" name="intent" value="ask" className="primary">
              {t('forum.postQuestion')}
            </button>
          }
        />
      </Form>
      <DeflectionForms threads={similar.threads} />
    </section>
  );
}
