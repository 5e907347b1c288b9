import { RequestLoaders } from './request-loaders';

/** A batch function that records the batches it was given. */
function recording<K>(batches: K[][]) {
  return async (keys: readonly K[]) => {
    batches.push([...keys]);
    return keys.map((key) => `value of ${String(key)}`);
  };
}

/** Resolves after a turn of the event loop, as a statement's answer would. */
const io = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));

describe('RequestLoaders', () => {
  it('batches the loads of one tick, as DataLoader does', async () => {
    const loaders = new RequestLoaders();
    const batches: string[][] = [];
    const values = await Promise.all(
      ['a', 'b', 'a'].map((key) => loaders.get('plain', recording(batches)).load(key)),
    );
    expect(values).toEqual(['value of a', 'value of b', 'value of a']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('holds a later stage until the earlier stages have settled, across depths', async () => {
    const loaders = new RequestLoaders();
    const members: string[][] = [];
    const member = (id: string) => loaders.get('members', recording(members), 2).load(id);
    const posts = loaders.get<string, string[]>('posts', async (threads) =>
      io(threads.map((thread) => [`${thread}-post1`, `${thread}-post2`])),
    );
    const notes = loaders.get<string, string>(
      'notes',
      async (postIds) => io(postIds.map((postId) => `${postId}-moderator`)),
      1,
    );
    // A thread's author at once; its posts' authors after one read, their notes' moderators
    // after another, and a tracked read's author in between.
    const shown = await Promise.all([
      member('thread-author'),
      posts
        .load('t')
        .then((postIds) =>
          Promise.all(
            postIds.flatMap((postId) => [
              member(`${postId}-author`),
              notes.load(postId).then((moderator) => member(moderator)),
            ]),
          ),
        ),
      loaders.track(io('page-author')).then((author) => member(author)),
    ]);
    expect(shown[0]).toBe('value of thread-author');
    expect(members).toHaveLength(1);
    expect(members[0].sort()).toEqual(
      [
        'page-author',
        't-post1-author',
        't-post1-moderator',
        't-post2-author',
        't-post2-moderator',
        'thread-author',
      ].sort(),
    );
  });

  it('sends a later stage right away when nothing earlier is under way', async () => {
    const loaders = new RequestLoaders();
    const members: string[][] = [];
    const started = Date.now();
    await loaders.get('members', recording(members), 2).load('alone');
    expect(members).toEqual([['alone']]);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('still sends a later stage that an earlier batch waits on, after the guard delay', async () => {
    const loaders = new RequestLoaders();
    const members = loaders.get('members', recording<string>([]), 2);
    // A stage-0 batch that needs a member: it cannot settle before the member is sent.
    const needy = loaders.get<string, string>('needy', async (keys) =>
      Promise.all(keys.map((key) => members.load(key))),
    );
    await expect(needy.load('x')).resolves.toBe('value of x');
  });

  it('forgets loaded values on clear', async () => {
    const loaders = new RequestLoaders();
    const batches: string[][] = [];
    await loaders.get('plain', recording(batches)).load('a');
    loaders.clear();
    await loaders.get('plain', recording(batches)).load('a');
    expect(batches).toEqual([['a'], ['a']]);
  });
});
