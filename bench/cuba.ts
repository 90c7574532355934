/**
 * CUBA benchmark (Vogels & Abbott 2005), the network of Brian2's `examples/CUBA.py`
 * scaled to N neurons with mean in-degree 80, 1 s of biological time at dt = 0.1 ms.
 *
 *   npm run bench -- cuba --n 4000 --json     one JSON line for one N
 *   npm run bench -- cuba                     a table for N = 4000, 16000, 64000, 256000
 *   npm run bench -- cuba --brian             also runs Brian2 (C++ standalone, one thread)
 *                                             on the same N and prints the loop-time ratio
 *   --repeats R                               runs per N (default 3); loop_s is the fastest,
 *                                             the same rule as Brian2's harness (t_loop)
 *
 * Each N of the table runs in its own process, so peak memory and JIT state are its own.
 * `loop_s` is the simulation loop alone (Brian's `t_loop`); `rtf` is loop_s per
 * biological second.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SpikeMonitor } from '../src/index.js';
import { buildCuba } from '../src/networks/cuba.js';
import { heapBytesPerStep } from './heapPerStep.js';

/** One measurement. */
export interface CubaBenchResult {
  name: 'cuba';
  n: number;
  seed: number;
  synapses: number;
  build_s: number;
  loop_s: number;
  rtf: number;
  spikes: number;
  rate_hz: number;
  events: number;
  events_per_s: number;
  neuron_steps_per_s: number;
  bytes_per_synapse: number;
  peak_rss_mb: number;
  /** wall time from process start to the first result, s */
  start_to_result_s: number;
  /** loop time of every repeat, s (loop_s is their minimum, as Brian2's harness reports) */
  loop_all_s: number[];
  /** heap bytes allocated per step when the run is continued for 2000 more steps (the engine's goal: 0) */
  heap_bytes_per_step: number;
}

/**
 * Builds and runs CUBA for `durationMs` in this process, `repeats` times from scratch
 * with the same seed; reports the fastest loop (as Brian2's harness does) and checks that
 * every repeat produced the same spikes.
 */
export function runCuba(n: number, seed = 1, durationMs = 1000, repeats = 3): CubaBenchResult {
  let first: CubaBenchResult | null = null;
  const loops: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const cuba = buildCuba({ n, seed });
    const monitors = [cuba.exc, cuba.inh].map((p) => cuba.network.add(new SpikeMonitor(p, { record: false })));
    const build = (performance.now() - t0) / 1000;
    const run = cuba.network.run(durationMs);
    loops.push(run.wallTime);
    const spikes = monitors.reduce((s, m) => s + m.numSpikes, 0);
    if (first === null) {
      const synapses = cuba.network.synapseCount;
      const bytes = cuba.projections.reduce((s, p) => s + p.bytesPerSynapse * p.size, 0);
      first = {
        name: 'cuba',
        n,
        seed,
        synapses,
        build_s: build,
        loop_s: run.wallTime,
        rtf: 0,
        spikes,
        rate_hz: spikes / n / (durationMs / 1000),
        events: run.events,
        events_per_s: 0,
        neuron_steps_per_s: 0,
        bytes_per_synapse: bytes / synapses,
        peak_rss_mb: 0,
        start_to_result_s: process.uptime(),
        loop_all_s: loops,
        heap_bytes_per_step: heapBytesPerStep((k) => cuba.network.run(k * cuba.network.dt)),
      };
    } else if (spikes !== first.spikes) {
      throw new Error(`repeat ${r} of cuba --n ${n} --seed ${seed} gave ${spikes} spikes, the first ${first.spikes}: not deterministic`);
    }
  }
  const result = first!;
  const loop = Math.min(...loops);
  const steps = Math.round(durationMs / 0.1);
  result.loop_s = loop;
  result.rtf = loop / (durationMs / 1000);
  result.events_per_s = result.events / loop;
  result.neuron_steps_per_s = (n * steps) / loop;
  result.peak_rss_mb = process.resourceUsage().maxRSS / 1024;
  return result;
}

interface BrianResult {
  t_loop: number;
  mean_rate_Hz: number;
  n_synapses: number;
  events_per_s_loop: number;
}

/** Runs the shared Brian2 anchor script for N, when Brian2 and the script are there. */
function runBrian(n: number): BrianResult | string {
  const here = dirname(fileURLToPath(import.meta.url));
  const script = join(here, '..', '..', 'shared', 'anchors', 'brian2', 'cuba.py');
  const python = process.env.BRIAN_PYTHON ?? '/usr/bin/python3';
  if (!existsSync(script)) return `Brian2 anchor script not found beside the checkout (shared/anchors/brian2/cuba.py)`;
  // The script writes its C++ project into build/ beside itself: run a temporary copy.
  const work = mkdtempSync(join(tmpdir(), 'engram-brian-'));
  try {
    for (const f of ['cuba.py', 'common.py']) copyFileSync(join(dirname(script), f), join(work, f));
    const out = execFileSync(python, [join(work, 'cuba.py'), '--target', 'cpp_standalone', '--N', String(n), '--duration', '1'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 24,
      cwd: work,
    });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) return 'Brian2 printed no RESULT line';
    return JSON.parse(line.slice(7)) as BrianResult;
  } catch (e) {
    return `Brian2 could not run (${(e as Error).message.split('\n')[0]}); install python3-brian`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const TABLE_SIZES = [4000, 16000, 64000, 256000];

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toPrecision(digits) : String(x);
}

/** Runs one N in a child process (clean memory and JIT) and returns its result. */
function runChild(n: number, seed: number, repeats: number): CubaBenchResult {
  const self = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, self, '--n', String(n), '--seed', String(seed), '--repeats', String(repeats), '--json'];
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`cuba --n ${n} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CubaBenchResult;
}

/** The `cuba` benchmark's command line. */
export async function cubaMain(args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      n: { type: 'string' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      brian: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '3' },
    },
    strict: true,
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${values.seed}'`);
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer, got '${values.repeats}'`);
  const sizes = values.n !== undefined ? [Number(values.n)] : TABLE_SIZES;
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 10) throw new Error(`--n must be an integer >= 10, got '${values.n}'`);
  }
  if (values.json && values.n !== undefined && !values.brian) {
    out(JSON.stringify(runCuba(sizes[0], seed, 1000, repeats)));
    return 0;
  }
  const rows: Array<CubaBenchResult & { brian_loop_s?: number; brian_rate_hz?: number; ratio?: number }> = [];
  for (const n of sizes) {
    const r = values.n !== undefined ? runCuba(n, seed, 1000, repeats) : runChild(n, seed, repeats);
    const row: (typeof rows)[number] = { ...r };
    if (values.brian) {
      const b = runBrian(n);
      if (typeof b === 'string') {
        if (!values.json) out(b);
      } else {
        row.brian_loop_s = b.t_loop;
        row.brian_rate_hz = b.mean_rate_Hz;
        row.ratio = r.loop_s / b.t_loop;
      }
    }
    rows.push(row);
    if (values.json) out(JSON.stringify(row));
  }
  if (!values.json) {
    out('CUBA (Vogels & Abbott 2005), 1 s at dt = 0.1 ms, mean in-degree 80');
    const head = ['N', 'synapses', 'build s', 'loop s', 'rate Hz', 'events/s', 'neuron steps/s', 'B/syn', 'peak MB', 'heap B/step'];
    if (values.brian) head.push('Brian2 loop s', 'Brian2 Hz', 'loop ratio');
    out(head.join(' | '));
    for (const r of rows) {
      const cells = [
        String(r.n), String(r.synapses), fmt(r.build_s), fmt(r.loop_s), fmt(r.rate_hz), fmt(r.events_per_s),
        fmt(r.neuron_steps_per_s), fmt(r.bytes_per_synapse), fmt(r.peak_rss_mb), fmt(r.heap_bytes_per_step),
      ];
      if (values.brian) cells.push(fmt(r.brian_loop_s ?? NaN), fmt(r.brian_rate_hz ?? NaN), fmt(r.ratio ?? NaN));
      out(cells.join(' | '));
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cubaMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
