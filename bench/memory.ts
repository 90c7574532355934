/**
 * Memory benchmark (issue 6): Willshaw retrievals per second at n = 4096, k = 12,
 * M = 28400 (matrix load 0.2), one core.
 *
 *   npm run bench -- memory --json        one JSON line per measurement
 *   npm run bench -- memory               a readable table
 *   npm run bench -- memory --repeats 7   timed passes per measurement (the median is reported)
 *
 * Measurements (memory and cues are built before the clock starts):
 * - `willshaw_threshold`: one-step retrieval from 6 of the 12 units of a stored pattern at the
 *   Willshaw threshold θ = 6 (the AND of the cue rows, 32 synapses per word);
 * - `willshaw_threshold_sums`: the same cues at θ = 5 (dendritic sums over the 1 bits);
 * - `willshaw_kwta`: the same cues, k-WTA with k = 12 and random tie-breaking.
 * Every retrieval writes into a reused array (`WillshawMemory.recallInto`): no allocation.
 * The spiking CA3 network's simulated seconds per wall second will join this benchmark.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Rng, WillshawMemory, sampleSorted, willshawLoad } from '../src/index.js';

/** One measurement. */
export interface MemoryBenchResult {
  name: 'memory';
  op: 'willshaw_threshold' | 'willshaw_threshold_sums' | 'willshaw_kwta';
  n: number;
  k: number;
  M: number;
  /** cue units (c of the k units of a stored pattern) */
  c: number;
  /** matrix load (fraction of 1 synapses) */
  load: number;
  ops: number;
  repeats: number;
  ops_per_s: number;
  min_ops_per_s: number;
  max_ops_per_s: number;
  s_per_op: number;
  /** total units retrieved in a pass (keeps the work from being optimised away) */
  checksum: number;
  seed: number;
}

const N = 4096;
const K = 12;
const M = 28400;
const C = 6;

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Builds the memory and `count` cues of C units of stored patterns. */
export function buildMemory(seed: number, count: number): { mem: WillshawMemory; cues: Uint32Array[] } {
  const rng = new Rng(seed);
  const mem = new WillshawMemory(N);
  const patterns: Uint32Array[] = [];
  for (let i = 0; i < M; i++) {
    const p = sampleSorted(rng, N, K);
    patterns.push(p);
    mem.store(p);
  }
  const cues = Array.from({ length: count }, () => {
    const p = patterns[rng.int(M)];
    const pick = sampleSorted(rng, K, C);
    return Uint32Array.from(pick, (i) => p[i]);
  });
  return { mem, cues };
}

/** Times `ops` retrievals per pass, one warm-up pass and `repeats` timed ones. */
export function benchMemory(ops: number, repeats: number, seed: number): MemoryBenchResult[] {
  const { mem, cues } = buildMemory(seed, ops);
  const out = new Uint32Array(N);
  const load = mem.load();
  const results: MemoryBenchResult[] = [];
  const variants: [MemoryBenchResult['op'], () => number][] = [
    ['willshaw_threshold', () => cues.reduce((s, cue) => s + mem.recallInto(cue, out), 0)],
    ['willshaw_threshold_sums', () => cues.reduce((s, cue) => s + mem.recallInto(cue, out, { threshold: C - 1 }), 0)],
    [
      'willshaw_kwta',
      () => {
        const rng = new Rng(seed + 1);
        return cues.reduce((s, cue) => s + mem.recallInto(cue, out, { k: K, rng }), 0);
      },
    ],
  ];
  for (const [op, pass] of variants) {
    const checksum = pass();
    const rates: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      const c = pass();
      const s = (performance.now() - t0) / 1000;
      if (c !== checksum) throw new Error(`memory bench ${op}: checksum changed between passes (${checksum} -> ${c})`);
      rates.push(ops / s);
    }
    const rate = median(rates);
    results.push({
      name: 'memory',
      op,
      n: N,
      k: K,
      M,
      c: C,
      load,
      ops,
      repeats,
      ops_per_s: rate,
      min_ops_per_s: Math.min(...rates),
      max_ops_per_s: Math.max(...rates),
      s_per_op: 1 / rate,
      checksum,
      seed,
    });
  }
  return results;
}

/** CLI entry: `npm run bench -- memory [--json] [--repeats R] [--ops N] [--seed S]`. */
export async function memoryMain(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '5' },
      ops: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const repeats = Number(values.repeats);
  const ops = Number(values.ops);
  const seed = Number(values.seed);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be an integer >= 1, got '${values.repeats}'`);
  if (!Number.isInteger(ops) || ops < 1) throw new Error(`--ops must be an integer >= 1, got '${values.ops}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be an integer >= 0, got '${values.seed}'`);
  const results = benchMemory(ops, repeats, seed);
  if (values.json) {
    for (const r of results) console.log(JSON.stringify(r));
    return;
  }
  console.log(`Willshaw memory n = ${N}, k = ${K}, M = ${M} (load ${results[0].load.toFixed(4)}; theory ${willshawLoad({ n: N, k: K, M }).toFixed(4)}), cue ${C} of ${K} units`);
  for (const r of results) {
    console.log(`  ${r.op.padEnd(24)} ${r.ops_per_s.toExponential(3)} retrievals/s  (${(r.s_per_op * 1e6).toFixed(2)} us each; min ${r.min_ops_per_s.toExponential(2)}, max ${r.max_ops_per_s.toExponential(2)})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  memoryMain(process.argv.slice(2)).catch((err: Error) => {
    console.error(err.message);
    process.exit(2);
  });
}
