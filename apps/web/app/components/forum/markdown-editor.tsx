import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import type { action as previewAction } from '../../routes/preview';

interface MarkdownEditorProps {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string;
  /** A preview the page's own action rendered (the form's Preview button without scripts). */
  preview?: string;
  rows?: number;
  /** The form's submit button: first in the row, so that Enter in a field submits, not previews. */
  submit: ReactNode;
}

const REFRESH_MS = 400;

/**
 * A markdown textarea with a preview rendered by the API (through /preview), so the preview is
 * the post as it will be shown. Without scripts the Preview button submits the form to its page
 * with intent=preview, which renders it the same way and keeps what was typed.
 */
export function MarkdownEditor({
  label,
  name,
  defaultValue,
  error,
  preview,
  rows = 8,
  submit,
}: MarkdownEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fetcher = useFetcher<typeof previewAction>();
  const [open, setOpen] = useState(preview !== undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refresh = () => {
    void fetcher.submit(
      { body: textarea.current?.value ?? '' },
      { method: 'post', action: '/preview' },
    );
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const html = fetcher.data?.html ?? preview ?? '';
  const previewError = fetcher.data?.error;
  const described = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field markdown-editor has-error' : 'field markdown-editor'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={textarea}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onInput={() => {
          if (!open) return;
          clearTimeout(timer.current);
          timer.current = setTimeout(refresh, REFRESH_MS);
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t('forum.markdownHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <div className="editor-tools">
        {submit}
        <button
          type="submit"
          name="intent"
          value="preview"
          formNoValidate
          onClick={(event) => {
            // With scripts the preview comes in place, without leaving the form.
            event.preventDefault();
            setOpen(true);
            refresh();
          }}
        >
          {t('forum.preview')}
        </button>
      </div>
      {open && (
        <section className="preview" aria-labelledby={`${id}-preview`} aria-live="polite">
          <p id={`${id}-preview`} className="preview-title">
            {t('forum.previewTitle')}
          </p>
          {previewError ? (
            <p className="error">{previewError}</p>
          ) : html ? (
            // Rendered and sanitised by the API.
            <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <p className="muted">
              {fetcher.state === 'idle' ? t('forum.previewEmpty') : t('forum.previewLoading')}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
