import { seek } from './keyset';
import { PageRequest } from './page-request';

const page = (direction: PageRequest['direction']): PageRequest => ({
  direction,
  limit: 20,
  cursor: 'c',
});

describe('seek', () => {
  it('walks a column in the list order going forward', () => {
    expect(seek(page('forward'), 'DESC')).toEqual({ order: 'DESC', past: '<' });
    expect(seek(page('forward'), 'ASC')).toEqual({ order: 'ASC', past: '>' });
  });

  it('walks it the other way round going backward', () => {
    expect(seek(page('backward'), 'DESC')).toEqual({ order: 'ASC', past: '>' });
    expect(seek(page('backward'), 'ASC')).toEqual({ order: 'DESC', past: '<' });
  });
});
