import type { ApiError } from '../graphql/api.server';

export interface FormErrors {
  /** By the form field each error concerns. */
  fields: Record<string, string>;
  /** Errors about the whole form. */
  form: string[];
}

/** The API's sentence without the field name it starts with ("email: must be…" → "Must be…"). */
function sentence(error: ApiError): string {
  const prefix = `${error.field}: `;
  const text = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Places the API's errors next to the form fields they name (the last part of `input.email` is
 * `email`); the rest are about the form.
 */
export function formErrors(errors: ApiError[], fields: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, form: [] };
  for (const error of errors) {
    const field = error.field?.split('.').pop();
    if (field && fields.includes(field)) result.fields[field] ??= sentence(error);
    else result.form.push(sentence(error));
  }
  return result;
}
