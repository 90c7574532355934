/**
 * SDR benchmark (issue 5): throughput of the operations an SDR memory spends its time in,
 * at the sizes of Ahmad & Hawkins (n = 2048, w = 40). Goal: >= 2e7 overlaps/s on one core.
 *
 *   npm run bench -- sdr --json        one JSON line per measurement
 *   npm run bench -- sdr               a readable table
 *   npm run bench -- sdr --repeats 7   timed passes per measurement (the median is reported)
 *   npm run bench -- sdr --op overlap  one measurement only; --scale 0.1 for 10x fewer operations per pass
 *
 * Measurements (every input is built before the clock starts, so allocation and random
 * draws of the inputs are not measured):
 * - `overlap`: `a.overlap(b)` over many varied pairs drawn from a pool of stored SDRs that
 *   are compared again and again (a query against a memory), so each keeps its bit set in
 *   the shared WebAssembly store and a pair's overlap is the SIMD AND-and-count;
 * - `overlap_once`: every SDR of the pass takes part in exactly one overlap (fresh copies each
 *   pass, no cached dense view): the sparse-only path;
 * - `union100`: `out.union(list)` of 100 random SDRs into a reused output;
 * - `rdse_encode`: `rdse.encode(x, out)` of varied inputs into a reused output
 *   (htm.core's RDSE, size 2048, 40 active bits, resolution 1).
 *
 * Each measurement runs `--repeats` timed passes after one warm-up pass; `ops_per_s` is the
 * median pass, `min_ops_per_s` and `max_ops_per_s` the spread.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ParameterError, RDSE, Rng, SDR } from '../src/index.js';
import { timedPasses } from './timedPasses.js';

/** One measurement. */
export interface SdrBenchResult {
  name: 'sdr';
  op: 'overlap' | 'overlap_once' | 'union100' | 'rdse_encode';
  /** SDR size, bits */
  n: number;
  /** active bits per SDR */
  w: number;
  /** operations per timed pass */
  ops: number;
  /** timed passes */
  repeats: number;
  /** operations per second of the median pass */
  ops_per_s: number;
  min_ops_per_s: number;
  max_ops_per_s: number;
  /** median seconds per operation */
  s_per_op: number;
  /** checksum of the results (keeps the work from being optimised away; equal across runs) */
  checksum: number;
  seed: number;
}

const N = 2048;
const W = 40;
/** overlaps per second on one core that issue 5 asks for */
const OVERLAP_GOAL = 2e7;

/** Times `pass` (which returns a checksum) once to warm up, then `repeats` times. */
function measure(
  op: SdrBenchResult['op'],
  ops: number,
  repeats: number,
  seed: number,
  pass: () => number,
  before?: () => void,
): SdrBenchResult {
  return { name: 'sdr', op, n: N, w: W, ops, repeats, seed, ...timedPasses(`sdr bench ${op}`, ops, repeats, pass, before) };
}

function randomPool(count: number, rng: Rng): SDR[] {
  return Array.from({ length: count }, () => new SDR(N).randomize(W / N, rng));
}

/** Overlaps of `pairs` pairs drawn from a pool of 1000 stored SDRs (dense views get cached). */
export function benchOverlap(pairs: number, repeats: number, seed: number): SdrBenchResult {
  const rng = new Rng(seed);
  const pool = randomPool(1000, rng);
  const left = new Array<SDR>(pairs);
  const right = new Array<SDR>(pairs);
  for (let i = 0; i < pairs; i++) {
    left[i] = pool[rng.int(pool.length)];
    right[i] = pool[rng.int(pool.length)];
  }
  return measure('overlap', pairs, repeats, seed, () => {
    let c = 0;
    for (let i = 0; i < pairs; i++) c += left[i].overlap(right[i]);
    return c;
  });
}

/** Overlaps where each SDR takes part once per pass (fresh copies each pass: no dense view). */
export function benchOverlapOnce(pairs: number, repeats: number, seed: number): SdrBenchResult {
  const rng = new Rng(seed);
  const originals = randomPool(2 * pairs, rng);
  // Pairs with a chosen overlap spread: the second of each pair is a noisy copy of the first
  // half the time (overlaps 0..40), an independent SDR otherwise (overlap ~ 0.8).
  for (let i = 0; i < pairs; i++) {
    if (rng.random() < 0.5) originals[2 * i + 1] = originals[2 * i].clone().addNoise(rng.random(), rng);
  }
  let copies: SDR[] = [];
  return measure(
    'overlap_once',
    pairs,
    repeats,
    seed,
    () => {
      let c = 0;
      for (let i = 0; i < pairs; i++) c += copies[2 * i].overlap(copies[2 * i + 1]);
      return c;
    },
    () => {
      copies = originals.map((x) => x.clone());
    },
  );
}

/** Unions of 100 SDRs into a reused output. */
export function benchUnion(unions: number, repeats: number, seed: number): SdrBenchResult {
  const rng = new Rng(seed);
  const pool = randomPool(1000, rng);
  const groups = Array.from({ length: unions }, () => Array.from({ length: 100 }, () => pool[rng.int(pool.length)]));
  const out = new SDR(N);
  return measure('union100', unions, repeats, seed, () => {
    let c = 0;
    for (let i = 0; i < unions; i++) c += out.union(groups[i]).getSum();
    return c;
  });
}

/** RDSE encodes of varied inputs into a reused output. */
export function benchRdse(encodes: number, repeats: number, seed: number): SdrBenchResult {
  const rng = new Rng(seed);
  const rdse = new RDSE({ size: N, activeBits: W, resolution: 1, seed: 42 });
  const inputs = Float64Array.from({ length: encodes }, () => rng.uniform(-1e6, 1e6));
  const out = new SDR(N);
  return measure('rdse_encode', encodes, repeats, seed, () => {
    let c = 0;
    for (let i = 0; i < encodes; i++) c += rdse.encode(inputs[i], out).getSum();
    return c;
  });
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toPrecision(digits) : String(x);
}

const OPS = ['overlap', 'overlap_once', 'union100', 'rdse_encode'] as const;

const USAGE = `[--json] [--repeats R] [--seed S] [--op ${OPS.join('|')}] [--scale F]`;

/** The `sdr` benchmark's command line. */
export async function sdrMain(args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        json: { type: 'boolean', default: false },
        seed: { type: 'string', default: '1' },
        repeats: { type: 'string', default: '5' },
        op: { type: 'string' },
        scale: { type: 'string', default: '1' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new ParameterError('args', args, USAGE, undefined, (error as Error).message);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new ParameterError('--seed', values.seed, 'a non-negative integer');
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new ParameterError('--repeats', values.repeats, 'an integer >= 1');
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 100)) {
    throw new ParameterError('--scale', values.scale, 'a number in (0, 100]: the factor on the operations per pass');
  }
  const op = values.op;
  if (op !== undefined && !(OPS as readonly string[]).includes(op)) {
    throw new ParameterError('--op', op, `one of ${OPS.join(', ')}`);
  }
  const count = (base: number): number => Math.max(1, Math.round(base * scale));
  const runs: Record<(typeof OPS)[number], () => SdrBenchResult> = {
    overlap: () => benchOverlap(count(1_000_000), repeats, seed),
    overlap_once: () => benchOverlapOnce(count(200_000), repeats, seed),
    union100: () => benchUnion(count(5_000), repeats, seed),
    rdse_encode: () => benchRdse(count(100_000), repeats, seed),
  };
  const rows: SdrBenchResult[] = [];
  for (const name of OPS) {
    if (op !== undefined && name !== op) continue;
    const r = runs[name]();
    rows.push(r);
    if (values.json) out(JSON.stringify(r));
  }
  if (!values.json) {
    out(`SDR operations, n = ${N}, w = ${W}; median of ${repeats} passes (goal: overlap >= 2e7/s on one core)`);
    out(['operation', 'per pass', 'ops/s (median)', 'min', 'max', 'ns/op'].join(' | '));
    for (const r of rows) {
      out([r.op, String(r.ops), fmt(r.ops_per_s), fmt(r.min_ops_per_s), fmt(r.max_ops_per_s), fmt(r.s_per_op * 1e9)].join(' | '));
    }
    const ov = rows.find((r) => r.op === 'overlap');
    if (ov !== undefined) {
      const ratio = ov.ops_per_s / OVERLAP_GOAL;
      out(`overlap against the goal: ${fmt(ov.ops_per_s)} /s vs ${fmt(OVERLAP_GOAL)} /s = ${ratio.toFixed(2)}x (${ratio >= 1 ? 'met' : 'not met'})`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  sdrMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
