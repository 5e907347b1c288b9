import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The board a question goes to, with the API's reason beside it when refused. */
export function BoardSelect({
  boards,
  defaultValue,
  error,
}: {
  boards: Array<{ id: string; name: string }>;
  defaultValue: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{t('forum.board')}</label>
      <select
        id={id}
        name="boardId"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('forum.chooseBoard')}</option>
        {boards.map((board) => (
          <option key={board.id} value={board.id}>
            {board.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
