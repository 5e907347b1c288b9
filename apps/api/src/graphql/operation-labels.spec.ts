import { ANONYMOUS_OPERATION, OperationLabels, OTHER_OPERATION } from './operation-labels';

describe('OperationLabels', () => {
  it('labels a named operation by its name', () => {
    expect(new OperationLabels().labelFor('ThreadPage')).toBe('ThreadPage');
  });

  it.each([undefined, null, ''])('labels an operation without a name (%p) as anonymous', (name) => {
    expect(new OperationLabels().labelFor(name)).toBe(ANONYMOUS_OPERATION);
  });

  it('groups the names past the limit, keeping those seen before', () => {
    const labels = new OperationLabels(2);
    expect(labels.labelFor('A')).toBe('A');
    expect(labels.labelFor('B')).toBe('B');
    expect(labels.labelFor('C')).toBe(OTHER_OPERATION);
    expect(labels.labelFor('A')).toBe('A');
    expect(labels.labelFor('B')).toBe('B');
    expect(labels.labelFor('D')).toBe(OTHER_OPERATION);
  });

  it('does not spend the limit on anonymous operations', () => {
    const labels = new OperationLabels(1);
    labels.labelFor(undefined);
    expect(labels.labelFor('A')).toBe('A');
  });
});
