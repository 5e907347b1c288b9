import { changedThreads } from './changed-threads';

describe('changedThreads', () => {
  it('takes the thread named by any change, and finds the thread of a corrected answer', async () => {
    const threadOfPost = jest.fn(async (postId: string) => (postId === 'p1' ? 't3' : null));
    const threads = await changedThreads(
      [
        { type: 'post.created', payload: { postId: 'p0', threadId: 't1' } },
        { type: 'thread.changed', payload: { threadId: 't2' } },
        { type: 'kudo.given', payload: { postId: 'p0', threadId: 't1' } },
        { type: 'post.corrected', payload: { postId: 'p1', correctionId: 'c1' } },
        { type: 'post.corrected', payload: { postId: 'gone' } },
        { type: 'review.changed', payload: { reviewItemId: 'r1' } },
        { type: 'care.case-opened', payload: { caseId: 'k1', threadId: null } },
      ],
      threadOfPost,
    );
    expect(threads).toEqual(['t1', 't2', 't3']);
    expect(threadOfPost).toHaveBeenCalledTimes(2);
  });
});
