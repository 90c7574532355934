/**
 * The `engram` command: `list`, `run`, `bench`, `ca3-cam replay`, `dashboard` and `help`.
 *
 * {@link main} takes the arguments and returns the exit code, so the command runs
 * in-process (tests, scripts) as well as from `bin/engram.js`, which passes it the
 * experiment registry (`experiments/index.ts`) and the benchmark module (`bench/index.ts`);
 * `src/` itself never imports those.
 *
 * @example
 * const code = await main(['run', 'vogels2005-cuba', '--quick'], { experiments });
 */
import { ParameterError } from '../core/errors.js';
import { engramVersion } from '../io/provenance.js';
import { RunDirectoryExistsError } from '../io/runDirectory.js';
import { ExperimentDefinitionError } from '../io/validateExperiment.js';
import { commandBench, type BenchmarkLoader } from './commandBench.js';
import { commandCa3Cam } from './commandCa3Cam.js';
import { commandDashboard } from './commandDashboard.js';
import { commandList } from './commandList.js';
import { commandRun } from './commandRun.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exitCodes.js';
import { ExperimentUnavailableError, type ExperimentRegistry } from './experimentRegistry.js';
import { USAGE } from './help.js';
import { closestName } from './suggest.js';
import { processTerminal, writeLine, type Terminal } from './terminal.js';
import { UsageError } from './usageError.js';

/** What {@link main} runs with; everything is optional. */
export interface MainOptions {
  /** the experiments `list` shows and `run` finds by name; default none */
  readonly experiments?: ExperimentRegistry;
  /** imports the benchmark module for `bench` (normally `bench/index.ts`) */
  readonly loadBenchmarks?: BenchmarkLoader;
  /** outputs, environment and working directory; default this process's */
  readonly terminal?: Partial<Terminal>;
  /** stops a run when aborted, like Ctrl-C */
  readonly signal?: AbortSignal;
  /** listen for SIGINT during runs; default true */
  readonly handleSigint?: boolean;
  /** clock for default run directory names */
  readonly now?: () => Date;
  /** plotly.js source for reports (tests pass a tiny stand-in to keep files small) */
  readonly plotlySource?: string;
}

const COMMANDS = ['list', 'run', 'bench', 'ca3-cam', 'dashboard', 'help'];

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** The first line of an error message (parseArgs adds hints on further lines). */
function firstLine(message: string): string {
  return message.split('\n')[0];
}

/**
 * Runs the `engram` command with `argv` (the words after `engram`) and returns the exit
 * code: 0 done, 1 failed, 2 bad command line (nothing written), 130 interrupted.
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const terminal: Terminal = { ...processTerminal(), ...options.terminal };
  const experiments = options.experiments ?? [];
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        terminal.stderr.write(USAGE);
        return EXIT_USAGE;
      case 'help':
      case '--help':
      case '-h':
        terminal.stdout.write(USAGE);
        return EXIT_OK;
      case '--version':
      case '-v':
        writeLine(terminal.stdout, engramVersion());
        return EXIT_OK;
      case 'list':
        return await commandList(rest, experiments, terminal);
      case 'run':
        return await commandRun(rest, {
          terminal,
          experiments,
          signal: options.signal,
          handleSigint: options.handleSigint,
          now: options.now,
          plotlySource: options.plotlySource,
        });
      case 'bench':
        return await commandBench(rest, options.loadBenchmarks, terminal);
      case 'ca3-cam':
        return await commandCa3Cam(rest, terminal);
      case 'dashboard':
        return await commandDashboard(rest, { terminal, signal: options.signal, handleSigint: options.handleSigint });
      default: {
        const guess = closestName(command, COMMANDS);
        throw new UsageError(
          `engram: unknown command '${command}'; commands: ${COMMANDS.join(', ')}` + (guess ? ` (did you mean '${guess}'?)` : ''),
        );
      }
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ParameterError ||
      error instanceof RunDirectoryExistsError ||
      isParseArgsError(error)
    ) {
      const message = firstLine(error.message);
      writeLine(terminal.stderr, message.startsWith('engram') ? message : `engram ${command}: ${message}`);
      return EXIT_USAGE;
    }
    if (error instanceof ExperimentUnavailableError || error instanceof ExperimentDefinitionError) {
      writeLine(terminal.stderr, `engram ${command}: ${error.message}`);
      return EXIT_FAILURE;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeLine(terminal.stderr, `engram ${command}: unexpected error: ${message}`);
    return EXIT_FAILURE;
  }
}
