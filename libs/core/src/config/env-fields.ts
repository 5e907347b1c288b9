import { z } from 'zod';

// The kinds of value an environment variable holds, as zod schemas whose messages follow the
// variable's name: `PORT` + ` must be an integer from 0 to 65535 (got "http")`. Values that may
// hold a password (URLs, secrets) are never repeated in a message.

/** A non-secret value quoted for a message, cut short so a pasted blob cannot flood the log. */
export function shown(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** Ends a message with the value it is about (never use for secrets). */
function got(problem: string) {
  return (issue: { input?: unknown }): string => `${problem} (got ${shown(issue.input)})`;
}

/** An empty variable counts as unset, as shells and compose files write one. */
export function blankIsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

/** A whole number in [min, max]; `fallback` when unset or empty. Signs, spaces and fractions are refused. */
export function integer(min: number, max: number, fallback: number) {
  const error = got(`must be an integer from ${min} to ${max}`);
  return blankIsUnset(
    z
      .string()
      .regex(/^\d+$/, { error })
      .transform(Number)
      .pipe(z.number().min(min, { error }).max(max, { error }))
      .default(fallback),
  );
}

/**
 * `on` or `off` in any case; `fallback` when unset. (Not z.stringbool: its failure aborts the
 * whole parse, which would hide the checks across variables.)
 */
export function onOff(fallback: boolean) {
  return z
    .string()
    .regex(/^(on|off)$/i, { error: got('must be "on" or "off"') })
    .transform((value) => value.toLowerCase() === 'on')
    .default(fallback);
}

/** One of `values`, exactly. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
) {
  return z.enum(values, { error: got(`must be one of ${values.join(', ')}`) }).default(fallback);
}

/** A string matching `pattern`, described by `rule`. */
export function matching(pattern: RegExp, rule: string, fallback: string) {
  return z
    .string()
    .regex(pattern, { error: got(rule) })
    .default(fallback);
}

/**
 * A URL with one of `protocols` (without the colon). Such URLs carry passwords, so a message
 * names the protocol at most, and shows `example` for the expected form.
 */
export function url(protocols: readonly string[], example: string) {
  const allowed = protocols.map((protocol) => `${protocol}:`);
  return z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: (issue) =>
      typeof issue.input === 'string' && URL.canParse(issue.input)
        ? `must use ${allowed.join(' or ')} (got "${new URL(issue.input).protocol}")`
        : `must be a URL like ${example}`,
  });
}

/** An optional URL: unset or empty gives undefined. */
export function optionalUrl(protocols: readonly string[], example: string) {
  return blankIsUnset(url(protocols, example).optional());
}

/**
 * A comma-separated list whose trimmed items each satisfy `item`; blank is an empty list.
 * Each bad item is its own problem, reported with its value.
 */
export function commaList(item: (value: string) => boolean, rule: string) {
  return z
    .string()
    .trim()
    .transform((raw) => (raw === '' ? [] : raw.split(',').map((part) => part.trim())))
    .pipe(z.array(z.string().refine(item, { error: got(rule) })));
}
