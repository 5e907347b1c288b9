import { FieldFrame } from './field-frame';

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
export function TextAreaField({ label, error, hint, rows = 6, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(control) => <textarea {...control} rows={rows} {...textarea} />}
    </FieldFrame>
  );
}
