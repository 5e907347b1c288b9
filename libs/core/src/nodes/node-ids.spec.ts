import { toGlobalId } from '../ids/global-id';
import { MAX_NODE_IDS, parseNodeIds } from './node-ids';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('parseNodeIds', () => {
  it('decodes ids of any types, in their order, repeats kept', () => {
    const ids = [
      toGlobalId('Thread', uuid(1)),
      toGlobalId('User', uuid(2)),
      toGlobalId('Thread', uuid(1)),
    ];
    expect(parseNodeIds(ids)).toEqual([
      { type: 'Thread', id: uuid(1) },
      { type: 'User', id: uuid(2) },
      { type: 'Thread', id: uuid(1) },
    ]);
  });

  it('keeps an id of a type nobody registered: it loads as null, as in node(id)', () => {
    expect(parseNodeIds([toGlobalId('Nope', uuid(3))])).toEqual([{ type: 'Nope', id: uuid(3) }]);
  });

  it('takes at most 100 ids', () => {
    const ids = Array.from({ length: MAX_NODE_IDS }, (_, i) => toGlobalId('Post', uuid(i)));
    expect(parseNodeIds(ids)).toHaveLength(100);
    expect(refusal(() => parseNodeIds([...ids, ids[0]]))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'ids' },
    });
  });

  it('refuses the whole call for one malformed id, saying which', () => {
    const error = refusal(() => parseNodeIds([toGlobalId('Post', uuid(1)), 'garbage']));
    expect(error).toMatchObject({
      message: 'ids: item 1 is not a valid ID',
      extensions: { code: 'BAD_USER_INPUT', field: 'ids' },
    });
  });
});
