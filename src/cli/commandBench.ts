/**
 * `engram bench [<name> [args...]] [--json]`: runs a benchmark from the registry that
 * `bench/index.ts` exports (`benchmarks: Record<string, Benchmark>`). Without a name it lists
 * them (also with `--help` and no name). Arguments after the name, except `--json`, go to the
 * benchmark unchanged (`--help` included).
 */
import { parseArgs } from 'node:util';
import { EngramError, ParameterError } from '../core/errors.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exitCodes.js';
import { closestName } from './suggest.js';
import { writeLine, type Terminal } from './terminal.js';
import { UsageError } from './usageError.js';

/** One benchmark, as `bench/index.ts` exports it. */
export interface Benchmark {
  /** one line for the listing */
  readonly description: string;
  /** runs it; `args` are the words after the name, `opts.json` asks for JSON on stdout */
  run(args: string[], opts: { json: boolean }): Promise<void>;
}

/** The benchmark registry by name. */
export type BenchmarkRegistry = Readonly<Record<string, Benchmark>>;

/** Imports the benchmark module (by default `bench/index.ts`). */
export type BenchmarkLoader = () => Promise<unknown>;

/** The benchmarks are missing or malformed. */
export class BenchmarksUnavailableError extends EngramError {}

/**
 * Imports and checks the benchmark registry.
 *
 * @throws BenchmarksUnavailableError when the module is missing or exports no `benchmarks`
 */
export async function loadBenchmarks(loader: BenchmarkLoader | undefined): Promise<BenchmarkRegistry> {
  if (!loader) throw new BenchmarksUnavailableError('benchmarks are not available: no benchmark module is configured');
  let namespace: unknown;
  try {
    namespace = await loader();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if ((code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/i.test(message)) && /bench[\\/]index/.test(message)) {
      throw new BenchmarksUnavailableError('benchmarks are not available: bench/index.ts is missing');
    }
    throw new BenchmarksUnavailableError(`benchmarks are not available: bench/index.ts failed to load: ${message}`);
  }
  const benchmarks = (namespace as { benchmarks?: unknown } | null)?.benchmarks;
  if (benchmarks === null || typeof benchmarks !== 'object') {
    throw new BenchmarksUnavailableError("bench/index.ts must export 'benchmarks': Record<string, { description, run(args, opts) }>");
  }
  for (const [name, b] of Object.entries(benchmarks)) {
    if (b === null || typeof b !== 'object' || typeof (b as Benchmark).run !== 'function') {
      throw new BenchmarksUnavailableError(`bench/index.ts: benchmark '${name}' must be { description, run(args, opts) }`);
    }
  }
  return benchmarks as BenchmarkRegistry;
}

/** Runs `engram bench`. */
export async function commandBench(
  args: readonly string[],
  loader: BenchmarkLoader | undefined,
  terminal: Terminal,
): Promise<number> {
  const { tokens } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const nameToken = tokens.find((t) => t.kind === 'positional');
  const jsonTokens = tokens.filter((t) => t.kind === 'option' && t.name === 'json');
  const json = jsonTokens.length > 0;
  const dropped = new Set<number>([...jsonTokens.map((t) => t.index), ...(nameToken ? [nameToken.index] : [])]);
  const rest = args.filter((_, i) => !dropped.has(i));

  let benchmarks: BenchmarkRegistry;
  try {
    benchmarks = await loadBenchmarks(loader);
  } catch (error) {
    writeLine(terminal.stderr, `engram bench: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
  const names = Object.keys(benchmarks);
  if (!nameToken) {
    if (json) {
      writeLine(terminal.stdout, JSON.stringify(names.map((n) => ({ name: n, description: benchmarks[n].description })), null, 2));
      return EXIT_OK;
    }
    writeLine(terminal.stdout, 'Benchmarks (engram bench <name> [args] [--json]):');
    writeLine(terminal.stdout);
    const width = Math.max(0, ...names.map((n) => n.length));
    for (const n of names) writeLine(terminal.stdout, `  ${n.padEnd(width)}  ${benchmarks[n].description}`);
    return EXIT_OK;
  }
  const name = nameToken.kind === 'positional' ? nameToken.value : '';
  if (!Object.hasOwn(benchmarks, name)) {
    const guess = closestName(name, names);
    throw new UsageError(
      `unknown benchmark '${name}'; available: ${names.join(', ') || '(none)'}` + (guess ? ` (did you mean '${guess}'?)` : ''),
    );
  }
  try {
    await benchmarks[name].run(rest, { json });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ParameterError || error instanceof UsageError) {
      writeLine(terminal.stderr, `engram bench ${name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
