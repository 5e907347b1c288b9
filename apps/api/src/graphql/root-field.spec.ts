import { parse } from 'graphql';
import { NO_FIELD, rootFieldName } from './root-field';

describe('rootFieldName', () => {
  it('names the root field of a subscription', () => {
    expect(rootFieldName(parse('subscription { notificationAdded { id } }'))).toBe(
      'notificationAdded',
    );
  });

  it('names the field, not its alias', () => {
    expect(rootFieldName(parse('subscription { mine: notificationAdded { id } }'))).toBe(
      'notificationAdded',
    );
  });

  it('finds the field through inline and named fragments', () => {
    const document = parse(`
      subscription Live { ... on Subscription { ...Activity } }
      fragment Activity on Subscription { threadActivity(threadId: "1") { id } }
    `);
    expect(rootFieldName(document, 'Live')).toBe('threadActivity');
  });

  it('takes the operation named among several', () => {
    const document = parse(`
      subscription A { notificationAdded { id } }
      subscription B { threadActivity(threadId: "1") { id } }
    `);
    expect(rootFieldName(document, 'B')).toBe('threadActivity');
  });

  it('has a name for a document without the operation', () => {
    expect(rootFieldName(parse('subscription A { notificationAdded { id } }'), 'Z')).toBe(NO_FIELD);
  });
});
