/**
 * The short summary `engram run` prints when a run is done: status, time, metrics,
 * comparisons that failed, and where the files are.
 */
import { isAbsolute, relative } from 'node:path';
import { formatNumber } from '../io/formatNumber.js';
import type { ResultFile } from '../io/resultFile.js';
import type { RunFiles } from '../io/runDirectory.js';

/** `path` relative to `cwd` when it lies inside it, else as it is. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The summary text (several lines, ending with a newline). */
export function runSummary(result: ResultFile, files: RunFiles, cwd: string): string {
  const facts = [`seed ${result.seed}`];
  if (result.backend) facts.push(`backend ${result.backend}`);
  if (result.quick) facts.push('quick');
  const lines = [
    `${result.experiment.name}: ${result.status} in ${formatNumber(Number(result.wallTimeS.toFixed(3)))} s (${facts.join(', ')})`,
  ];
  const metrics = Object.entries(result.metrics);
  const width = Math.max(12, ...metrics.map(([n]) => n.length));
  for (const [name, value] of metrics) lines.push(`  ${name.padEnd(width)}  ${formatNumber(value)}`);
  if (result.comparisons.length > 0) {
    const failed = result.comparisons.filter((c) => !c.pass);
    lines.push(`  ${'comparisons'.padEnd(width)}  ${result.comparisons.length - failed.length}/${result.comparisons.length} within tolerance`);
    for (const c of failed) {
      lines.push(
        `    ✗ ${c.name}: measured ${formatNumber(c.measured)}, expected ${formatNumber(c.expected)} ± ${formatNumber(c.tolerance)} (${c.source})`,
      );
    }
  }
  if (result.status === 'interrupted') lines.push('  interrupted: the files hold what was done before Ctrl-C');
  lines.push(`  ${'result.json'.padEnd(width)}  ${displayPath(files.result, cwd)}`);
  lines.push(`  ${'report.html'.padEnd(width)}  ${displayPath(files.report, cwd)}`);
  return `${lines.join('\n')}\n`;
}
