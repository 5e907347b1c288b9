/** Where log lines go and for whom: a person at a terminal, or a collector reading JSON. */
export interface LogTarget {
  nodeEnv: string;
  /** Whether stdout is a terminal (process.stdout.isTTY). */
  terminal: boolean;
}

/**
 * Pretty, coloured lines only for a developer watching a terminal; production, pipes, files and
 * containers keep one JSON object per line, which is what log collectors parse.
 */
export function prettyLogs(target: LogTarget): boolean {
  return target.terminal && target.nodeEnv !== 'production';
}
