/** What a notification is about, as the API names it (only the types the site has pages for). */
export type NotificationSubject =
  | { __typename: 'Thread'; id: string }
  | { __typename: 'Post'; id: string; thread: { id: string } }
  | { __typename: 'Idea'; id: string }
  | { __typename: 'Comment'; id: string; idea: { id: string } }
  | { __typename: 'Review'; id: string; product: { id: string } }
  | { __typename: string; id: string };

const path = (base: string, id: string): string => `${base}/${encodeURIComponent(id)}`;

/** The page of a notification's subject, or null when the site has none (or it is gone). */
export function subjectHref(subject: NotificationSubject | null): string | null {
  if (!subject) return null;
  if ('thread' in subject) return `${path('/threads', subject.thread.id)}#answer-${subject.id}`;
  if ('idea' in subject) return path('/ideas/i', subject.idea.id);
  if ('product' in subject) return path('/products', subject.product.id);
  if (subject.__typename === 'Thread') return path('/threads', subject.id);
  if (subject.__typename === 'Idea') return path('/ideas/i', subject.id);
  return null;
}
