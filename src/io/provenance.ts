/**
 * Provenance of a run in Node: Engram's version (from its package.json), the git commit
 * of the Engram checkout when there is one, and the runtime. Every lookup tolerates
 * failure (no git installed, not a checkout, no commits yet): the field is then null.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Provenance } from './resultFile.js';

/** Engram's package root (the directory holding its package.json). */
export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

let cachedVersion: string | undefined;

/** `version` from Engram's package.json, or '0.0.0-unknown' when it cannot be read. */
export function engramVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      cachedVersion = typeof pkg.version === 'string' ? pkg.version : '0.0.0-unknown';
    } catch {
      cachedVersion = '0.0.0-unknown';
    }
  }
  return cachedVersion;
}

function git(args: readonly string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
      windowsHide: true,
    }).trim();
  } catch {
    return null;
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * The commit of the Engram checkout and whether tracked files were modified, or nulls
 * when Engram does not run from its own git checkout (e.g. installed under node_modules
 * of another repository, whose commit would be misleading).
 */
export function gitState(root: string = packageRoot()): { commit: string | null; dirty: boolean | null } {
  const top = git(['rev-parse', '--show-toplevel'], root);
  if (top === null || !samePath(top, root)) return { commit: null, dirty: null };
  const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD'], root);
  if (commit === null || !/^[0-9a-f]{40,64}$/.test(commit)) return { commit: null, dirty: null };
  const status = git(['status', '--porcelain', '--untracked-files=no'], root);
  return { commit, dirty: status === null ? null : status.length > 0 };
}

/** The provenance fields of a result file for a run made now, in this process. */
export function currentProvenance(): Provenance {
  const { commit, dirty } = gitState();
  return {
    engramVersion: engramVersion(),
    gitCommit: commit,
    gitDirty: dirty,
    runtime: `node ${process.version} (${process.platform} ${process.arch})`,
  };
}
