/**
 * Help texts of the `engram` command: the general usage and one experiment's parameters.
 */
import type { ExperimentMeta } from '../io/experiment.js';
import { describeAllowed } from '../io/parameters.js';
import { DEFAULT_SEED } from '../io/runExperiment.js';

/** The general usage text. */
export const USAGE = `engram — spiking memory simulator

Usage:
  engram list [--json]                 experiments, with the papers they reproduce
  engram run <name> [options]          run an experiment; write result.json and report.html
  engram run <file.ts> [options]       run an experiment module by its path
  engram run <name> --help             the experiment's parameters
  engram bench [<name> [args]] [--json]  performance benchmarks
  engram ca3-cam replay <recording.json> [--experiment NAME] --out <raster.json>
                                       replay recorded CA3-CAM inputs (sPyNNaker semantics);
                                       exit 1 if the simulated raster differs from the recording
  engram dashboard [--port N] [--no-open] [--no-build]
                                       build and serve the browser dashboard on 127.0.0.1
  engram help | --help | --version

Run options:
  --<param> <value>   set a parameter of the experiment (switches: --<param> / --no-<param>;
                      negative numbers: --<param>=-65)
  --seed N            random seed, an integer in [0, 4294967295] (default ${DEFAULT_SEED})
  --out DIR           output directory (default results/<name>/<UTC timestamp>/)
  --quick             the small version, for smoke tests (seconds)
  --json              print the result JSON on stdout instead of the summary
  --quiet             no progress bar and no log lines
  --force             overwrite the result files of a run already in --out

Exit codes: 0 done; 1 failed; 2 bad command line (nothing written); 130 interrupted by
Ctrl-C (the partial result is written with status "interrupted").
`;

function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

function valueText(value: number | boolean | string): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The help text of one experiment: what it reproduces and its parameters. */
export function experimentHelp(meta: ExperimentMeta): string {
  const lines = [
    `${meta.name} — ${meta.title}`,
    `  ${meta.paper}`,
    '',
    meta.description,
    '',
    `Expected: ${meta.expected}`,
    `Runtime:  ${meta.runtime}`,
    '',
    `Usage: engram run ${meta.name} [--<param> <value> ...] [--seed N] [--out DIR] [--quick] [--json] [--quiet] [--force]`,
    '',
  ];
  const names = Object.keys(meta.parameters);
  if (names.length === 0) {
    lines.push('Parameters: none');
  } else {
    lines.push('Parameters:');
    const rows = [['  option', 'default', 'quick', 'allowed', 'description']];
    for (const name of names) {
      const spec = meta.parameters[name];
      rows.push([
        `  --${name}`,
        valueText(spec.default),
        spec.quick === undefined ? '' : valueText(spec.quick),
        describeAllowed(spec),
        spec.description,
      ]);
    }
    lines.push(...columns(rows));
  }
  return `${lines.join('\n')}\n`;
}
