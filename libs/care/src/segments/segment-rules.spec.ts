import { AccountStatus, Role, Viewer } from '@app/core';
import { GraphQLError } from 'graphql';
import { mayBeRep, mayReadSegments, maySeeCareOf, segmentSettings } from './segment-rules';
import { toProfile } from './member-care-profile';

const viewer = (role: Role, id = 'viewer-id'): Viewer => ({
  id,
  handle: 'someone',
  role,
  status: AccountStatus.ACTIVE,
  sessionId: 'session-id',
});

const valid = { key: 'key-accounts', name: 'Key accounts', firstResponseHours: 4 };

/** The field a BAD_USER_INPUT names, or 'no error'. */
const failingField = (run: () => unknown): unknown => {
  try {
    run();
    return 'no error';
  } catch (error) {
    const extensions = (error as GraphQLError).extensions;
    return `${String(extensions.code)} ${String(extensions.field)}`;
  }
};

describe('segment settings', () => {
  it('applies the defaults: no dedicated reps, a vote weighs 1', () => {
    expect(segmentSettings(valid)).toEqual({
      ...valid,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
    });
    expect(segmentSettings({ ...valid, dedicatedRepEnabled: null, ideaVoteWeight: null })).toEqual({
      ...valid,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
    });
  });

  it.each(['ab', 'a'.repeat(30), 'enterprise-2', '0-9'])('accepts the key %s', (key) => {
    expect(segmentSettings({ ...valid, key }).key).toBe(key);
  });

  it.each(['a', 'a'.repeat(31), 'Key', 'key_accounts', 'key accounts', 'clé', ''])(
    'refuses the key %j naming key',
    (key) => {
      expect(failingField(() => segmentSettings({ ...valid, key }))).toBe('BAD_USER_INPUT key');
    },
  );

  it('refuses a blank or overlong name and trims it', () => {
    expect(failingField(() => segmentSettings({ ...valid, name: '  ' }))).toBe(
      'BAD_USER_INPUT name',
    );
    expect(failingField(() => segmentSettings({ ...valid, name: 'n'.repeat(101) }))).toBe(
      'BAD_USER_INPUT name',
    );
    expect(segmentSettings({ ...valid, name: ' Key ' }).name).toBe('Key');
  });

  it.each([1, 720])('accepts firstResponseHours %d', (hours) => {
    expect(segmentSettings({ ...valid, firstResponseHours: hours }).firstResponseHours).toBe(hours);
  });

  it.each([0, 721, -5, 1.5])('refuses firstResponseHours %d naming it', (hours) => {
    expect(failingField(() => segmentSettings({ ...valid, firstResponseHours: hours }))).toBe(
      'BAD_USER_INPUT firstResponseHours',
    );
  });

  it.each([1, 100])('accepts ideaVoteWeight %d', (weight) => {
    expect(segmentSettings({ ...valid, ideaVoteWeight: weight }).ideaVoteWeight).toBe(weight);
  });

  it.each([0, 101, 2.5])('refuses ideaVoteWeight %d naming it', (weight) => {
    expect(failingField(() => segmentSettings({ ...valid, ideaVoteWeight: weight }))).toBe(
      'BAD_USER_INPUT ideaVoteWeight',
    );
  });
});

describe('who reads segments and care profiles', () => {
  it('lets staff and product managers read segments, nobody else', () => {
    expect(mayReadSegments(null)).toBe(false);
    expect(mayReadSegments(viewer(Role.MEMBER))).toBe(false);
    for (const role of [Role.AGENT, Role.MODERATOR, Role.ADMIN, Role.PRODUCT_MANAGER]) {
      expect(mayReadSegments(viewer(role))).toBe(true);
    }
  });

  it("shows a member's segment and rep to the member and staff only", () => {
    expect(maySeeCareOf(null, 'member-id')).toBe(false);
    expect(maySeeCareOf(viewer(Role.MEMBER), 'member-id')).toBe(false);
    expect(maySeeCareOf(viewer(Role.PRODUCT_MANAGER), 'member-id')).toBe(false);
    expect(maySeeCareOf(viewer(Role.MEMBER, 'member-id'), 'member-id')).toBe(true);
    for (const role of [Role.AGENT, Role.MODERATOR, Role.ADMIN]) {
      expect(maySeeCareOf(viewer(role), 'member-id')).toBe(true);
    }
  });

  it('takes reps among staff only', () => {
    expect([Role.AGENT, Role.MODERATOR, Role.ADMIN].every(mayBeRep)).toBe(true);
    expect(mayBeRep(Role.MEMBER)).toBe(false);
    expect(mayBeRep(Role.PRODUCT_MANAGER)).toBe(false);
  });
});

describe('a member care profile', () => {
  it('gives a member care knows nothing of the defaults', () => {
    expect(toProfile(null)).toEqual({
      segmentId: null,
      firstResponseHours: null,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
      dedicatedRepId: null,
    });
  });

  it("carries the segment's settings and the rep", () => {
    expect(
      toProfile({
        segment_id: 's',
        first_response_hours: 4,
        dedicated_rep_enabled: true,
        idea_vote_weight: 10,
        dedicated_rep_id: 'rep',
      }),
    ).toEqual({
      segmentId: 's',
      firstResponseHours: 4,
      dedicatedRepEnabled: true,
      ideaVoteWeight: 10,
      dedicatedRepId: 'rep',
    });
  });

  it('keeps no rep where the segment does not allow one, nor outside a segment', () => {
    const row = {
      first_response_hours: null,
      dedicated_rep_enabled: null,
      idea_vote_weight: null,
      dedicated_rep_id: 'rep',
    };
    expect(toProfile({ ...row, segment_id: null }).dedicatedRepId).toBeNull();
    expect(
      toProfile({
        ...row,
        segment_id: 's',
        first_response_hours: 8,
        dedicated_rep_enabled: false,
        idea_vote_weight: 2,
      }),
    ).toMatchObject({ dedicatedRepEnabled: false, dedicatedRepId: null, ideaVoteWeight: 2 });
  });
});
