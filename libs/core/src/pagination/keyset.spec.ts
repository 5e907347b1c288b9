import { pastLeadingKey, seek } from './keyset';
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

describe('pastLeadingKey', () => {
  const kudos = { sql: 'p.kudos_count', order: 'DESC' as const, cursor: ':kudos' };
  const age = { sql: '(p.created_at, p.id)', order: 'ASC' as const, cursor: '(:at, :id)' };

  it('bounds the leading column inclusively, then breaks its ties by the tail, going forward', () => {
    expect(pastLeadingKey(page('forward'), kudos, age)).toBe(
      'p.kudos_count <= :kudos AND (p.kudos_count < :kudos OR (p.created_at, p.id) > (:at, :id))',
    );
  });

  it('turns every comparison round going backward', () => {
    expect(pastLeadingKey(page('backward'), kudos, age)).toBe(
      'p.kudos_count >= :kudos AND (p.kudos_count > :kudos OR (p.created_at, p.id) < (:at, :id))',
    );
  });
});
