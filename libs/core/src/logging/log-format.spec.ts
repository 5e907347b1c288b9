import { prettyLogs } from './log-format';

describe('prettyLogs', () => {
  it('is pretty for development and tests on a terminal', () => {
    expect(prettyLogs({ nodeEnv: 'development', terminal: true })).toBe(true);
    expect(prettyLogs({ nodeEnv: 'test', terminal: true })).toBe(true);
  });

  it('stays JSON when stdout is a pipe or a file', () => {
    expect(prettyLogs({ nodeEnv: 'development', terminal: false })).toBe(false);
  });

  it('stays JSON in production, even on a terminal', () => {
    expect(prettyLogs({ nodeEnv: 'production', terminal: true })).toBe(false);
    expect(prettyLogs({ nodeEnv: 'production', terminal: false })).toBe(false);
  });
});
