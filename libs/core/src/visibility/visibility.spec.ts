import { AccountStatus, Role } from '../auth/roles';
import { Viewer } from '../auth/viewer';
import { ContentStatus, publishedDelta } from './content-status';
import { canSee, visibleSql } from './visibility';

const AUTHOR_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';

const viewer = (role: Role, id = OTHER_ID): Viewer => ({
  id,
  handle: `${role.toLowerCase()}-${id.slice(0, 4)}`,
  role,
  status: AccountStatus.ACTIVE,
  sessionId: '33333333-3333-4333-8333-333333333333',
});

const author = viewer(Role.MEMBER, AUTHOR_ID);
const otherMember = viewer(Role.MEMBER);
const moderator = viewer(Role.MODERATOR);
const admin = viewer(Role.ADMIN);

const ALL_STATUSES = Object.values(ContentStatus);
const NOT_PUBLISHED = ALL_STATUSES.filter((status) => status !== ContentStatus.PUBLISHED);

describe('canSee', () => {
  describe('an anonymous reader', () => {
    it('sees published content', () => {
      expect(canSee(ContentStatus.PUBLISHED, AUTHOR_ID, null)).toBe(true);
    });

    it.each(NOT_PUBLISHED)('does not see %s content', (status) => {
      expect(canSee(status, AUTHOR_ID, null)).toBe(false);
    });
  });

  describe('another member', () => {
    it('sees published content', () => {
      expect(canSee(ContentStatus.PUBLISHED, AUTHOR_ID, otherMember)).toBe(true);
    });

    it.each(NOT_PUBLISHED)('does not see %s content of someone else', (status) => {
      expect(canSee(status, AUTHOR_ID, otherMember)).toBe(false);
    });
  });

  describe.each([Role.AGENT, Role.PRODUCT_MANAGER])('a %s who is not the author', (role) => {
    it.each(NOT_PUBLISHED)('does not see %s content', (status) => {
      expect(canSee(status, AUTHOR_ID, viewer(role))).toBe(false);
    });
  });

  describe('the author', () => {
    it('sees their own published content', () => {
      expect(canSee(ContentStatus.PUBLISHED, AUTHOR_ID, author)).toBe(true);
    });

    it('sees their own content pending review', () => {
      expect(canSee(ContentStatus.PENDING_REVIEW, AUTHOR_ID, author)).toBe(true);
    });

    it('sees their own hidden content', () => {
      expect(canSee(ContentStatus.HIDDEN, AUTHOR_ID, author)).toBe(true);
    });

    it('does not see their own deleted content', () => {
      expect(canSee(ContentStatus.DELETED, AUTHOR_ID, author)).toBe(false);
    });
  });

  describe.each([
    ['a moderator', moderator],
    ['an admin', admin],
  ])('%s', (_who, staff) => {
    it.each(ALL_STATUSES)('sees %s content of others', (status) => {
      expect(canSee(status, AUTHOR_ID, staff)).toBe(true);
    });
  });
});

describe('visibleSql', () => {
  it('lets moderators see every row', () => {
    expect(visibleSql('t.status', 't.author_id', moderator)).toEqual({ sql: 'TRUE', params: {} });
  });

  it('lets admins see every row', () => {
    expect(visibleSql('t.status', 't.author_id', admin)).toEqual({ sql: 'TRUE', params: {} });
  });

  it('limits anonymous readers to published rows', () => {
    expect(visibleSql('t.status', 't.author_id', null)).toEqual({
      sql: "t.status = 'PUBLISHED'",
      params: {},
    });
  });

  it('gives members published rows plus their own undeleted ones, as a parameter', () => {
    const { sql, params } = visibleSql('p.status', 'p.author_id', author);
    expect(sql).toBe(
      "(p.status = 'PUBLISHED' OR (p.author_id = :visibleViewerId AND p.status <> 'DELETED'))",
    );
    expect(params).toEqual({ visibleViewerId: AUTHOR_ID });
  });

  it('never writes the member id into the SQL text', () => {
    const { sql } = visibleSql('p.status', 'p.author_id', author);
    expect(sql).not.toContain(AUTHOR_ID);
  });

  it('wraps the member clause in parentheses so it can be ANDed safely', () => {
    const { sql } = visibleSql('p.status', 'p.author_id', author);
    expect(sql.startsWith('(')).toBe(true);
    expect(sql.endsWith(')')).toBe(true);
  });

  it('uses the columns it is given', () => {
    const { sql } = visibleSql('c.content_status', 'c.writer_id', otherMember);
    expect(sql).toContain("c.content_status = 'PUBLISHED'");
    expect(sql).toContain('c.writer_id = :visibleViewerId');
    expect(sql).not.toMatch(/\bp\./);
  });

  it.each([Role.AGENT, Role.PRODUCT_MANAGER])('treats a %s as a member', (role) => {
    expect(visibleSql('p.status', 'p.author_id', viewer(role)).params).toEqual({
      visibleViewerId: OTHER_ID,
    });
  });
});

describe('publishedDelta', () => {
  it('counts content coming into view and leaving it, and nothing else', () => {
    const { PUBLISHED, PENDING_REVIEW, HIDDEN, DELETED } = ContentStatus;
    expect(publishedDelta(PENDING_REVIEW, PUBLISHED)).toBe(1);
    expect(publishedDelta(HIDDEN, PUBLISHED)).toBe(1);
    expect(publishedDelta(PUBLISHED, HIDDEN)).toBe(-1);
    expect(publishedDelta(PUBLISHED, DELETED)).toBe(-1);
    expect(publishedDelta(HIDDEN, DELETED)).toBe(0);
    expect(publishedDelta(PUBLISHED, PUBLISHED)).toBe(0);
  });
});
