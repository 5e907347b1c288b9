import { useId } from 'react';

interface TextAreaFieldProps {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  /** The id of the form it belongs to, when it sits outside that form's element. */
  form?: string;
}

/** A labelled textarea with its hint and, when the API refused it, the reason beside it. */
export function TextAreaField({
  label,
  name,
  defaultValue,
  error,
  hint,
  required,
  rows = 6,
  form,
}: TextAreaFieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        form={form}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
