/**
 * The console the `engram` command talks to: two text outputs and the environment. The
 * real process streams by default; tests pass their own to run the command in-process.
 */

/** A text output (process.stdout and process.stderr fit). */
export interface TextOutput {
  write(text: string): unknown;
  /** whether it is an interactive terminal (progress bars only draw on one) */
  readonly isTTY?: boolean;
  /** terminal width in characters, when known */
  readonly columns?: number;
}

/** Where the command writes and what it may read about its environment. */
export interface Terminal {
  /** results: the summary, `--json` output, lists */
  readonly stdout: TextOutput;
  /** errors, log lines and the progress bar */
  readonly stderr: TextOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** directory relative paths (--out, experiment files, results/) resolve against */
  readonly cwd: string;
}

/** The terminal of this process. */
export function processTerminal(): Terminal {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Whether the `CI` environment variable says we run in continuous integration. */
export function isCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value.toLowerCase() !== 'false' && value !== '0';
}

/** Writes one line. */
export function writeLine(out: TextOutput, text = ''): void {
  out.write(`${text}\n`);
}
