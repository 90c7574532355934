/**
 * `engram list [--json]`: every registered experiment with its one-line description and
 * paper. An experiment whose module is missing or broken is listed as unavailable with the
 * reason, and the others still list.
 */
import { parseArgs } from 'node:util';
import { EXIT_OK } from './exitCodes.js';
import { ExperimentUnavailableError, loadRegisteredExperiment, type ExperimentRegistry } from './experimentRegistry.js';
import { writeLine, type Terminal } from './terminal.js';

/** One line of the listing. */
export interface ListedExperiment {
  readonly name: string;
  readonly file: string;
  readonly available: boolean;
  readonly title?: string;
  readonly description?: string;
  readonly paper?: string;
  readonly runtime?: string;
  /** why it is unavailable */
  readonly problem?: string;
}

/** Loads every registered experiment's metadata (never throws; failures are reported per entry). */
export async function listExperiments(registry: ExperimentRegistry): Promise<ListedExperiment[]> {
  return Promise.all(
    registry.map(async (entry): Promise<ListedExperiment> => {
      try {
        const { meta } = await loadRegisteredExperiment(entry);
        return {
          name: entry.name,
          file: entry.file,
          available: true,
          title: meta.title,
          description: meta.description,
          paper: meta.paper,
          runtime: meta.runtime,
        };
      } catch (error) {
        const problem =
          error instanceof ExperimentUnavailableError ? error.reason : error instanceof Error ? error.message : String(error);
        return { name: entry.name, file: entry.file, available: false, problem };
      }
    }),
  );
}

/** Runs `engram list`. */
export async function commandList(args: readonly string[], registry: ExperimentRegistry, terminal: Terminal): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false });
  const listed = await listExperiments(registry);
  if (values.json) {
    writeLine(terminal.stdout, JSON.stringify(listed, null, 2));
    return EXIT_OK;
  }
  if (listed.length === 0) {
    writeLine(terminal.stdout, 'No experiments are registered.');
    return EXIT_OK;
  }
  const width = Math.max(...listed.map((e) => e.name.length));
  writeLine(terminal.stdout, 'Experiments (engram run <name> [--quick]; engram run <name> --help for parameters):');
  writeLine(terminal.stdout);
  for (const e of listed) {
    const indent = ' '.repeat(width + 4);
    if (e.available) {
      writeLine(terminal.stdout, `  ${e.name.padEnd(width)}  ${e.description}`);
      writeLine(terminal.stdout, `${indent}${e.paper}`);
    } else {
      writeLine(terminal.stdout, `  ${e.name.padEnd(width)}  (not available: ${e.problem})`);
    }
  }
  return EXIT_OK;
}
