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
 * - `ca3_recall` (`--ca3`, on by default): the spiking CA3 network (`CA3Autoassociative`) at
 *   n = 10,000, k = 13, after learning `--ca3-patterns` patterns (default 2000): simulated
 *   seconds per wall second over recalls from 7 of the 13 cells (learning is timed apart).
 *   Needs about 1.6 GB of memory (16 bytes per synapse, 10^8 synapses).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CA3Autoassociative, Rng, SDR, WillshawMemory, sampleSorted, willshawLoad } from '../src/index.js';
import { timedPasses } from './timedPasses.js';

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
    results.push({ name: 'memory', op, n: N, k: K, M, c: C, load, ops, repeats, seed, ...timedPasses(`memory bench ${op}`, ops, repeats, pass) });
  }
  return results;
}

/** The spiking CA3 measurement. */
export interface CA3BenchResult {
  name: 'memory';
  op: 'ca3_recall';
  n: number;
  k: number;
  M: number;
  /** cue cells */
  c: number;
  recalls: number;
  /** simulated seconds per wall second during the recalls */
  sim_s_per_wall_s: number;
  /** the same during learning */
  learn_sim_s_per_wall_s: number;
  /** wall seconds to build the network */
  build_s: number;
  /** mean overlap |R ∩ P| / k of the first wave */
  mean_overlap: number;
  seed: number;
}

/** Times the spiking CA3 network: build, learn M patterns, `recalls` recalls. */
export function benchCA3(n: number, k: number, M: number, recalls: number, seed: number): CA3BenchResult {
  const rng = new Rng(seed);
  const tb = performance.now();
  const net = new CA3Autoassociative({ n, k, seed });
  const build = (performance.now() - tb) / 1000;
  const patterns = Array.from({ length: M }, () => new SDR(n).setSparse(sampleSorted(rng, n, k)));
  let t0 = net.t;
  let w0 = performance.now();
  net.learn(patterns);
  const learnRate = (net.t - t0) / 1000 / ((performance.now() - w0) / 1000);
  const c = Math.round(k / 2);
  let overlap = 0;
  t0 = net.t;
  w0 = performance.now();
  for (let r = 0; r < recalls; r++) {
    const p = patterns[rng.int(M)];
    const cue = new SDR(n).setSparse(Array.from(sampleSorted(rng, k, c), (i) => p.sparse[i]));
    overlap += net.recall(cue).oneStep.overlap(p) / k;
  }
  const rate = (net.t - t0) / 1000 / ((performance.now() - w0) / 1000);
  return { name: 'memory', op: 'ca3_recall', n, k, M, c, recalls, sim_s_per_wall_s: rate, learn_sim_s_per_wall_s: learnRate, build_s: build, mean_overlap: overlap / recalls, seed };
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
      ca3: { type: 'boolean', default: true },
      'ca3-n': { type: 'string', default: '10000' },
      'ca3-patterns': { type: 'string', default: '2000' },
      'ca3-recalls': { type: 'string', default: '20' },
    },
    allowNegative: true,
  });
  const repeats = Number(values.repeats);
  const ops = Number(values.ops);
  const seed = Number(values.seed);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be an integer >= 1, got '${values.repeats}'`);
  if (!Number.isInteger(ops) || ops < 1) throw new Error(`--ops must be an integer >= 1, got '${values.ops}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be an integer >= 0, got '${values.seed}'`);
  const results = benchMemory(ops, repeats, seed);
  const ca3n = Number(values['ca3-n']);
  const ca3 = values.ca3 ? benchCA3(ca3n, Math.round(Math.log2(ca3n)), Number(values['ca3-patterns']), Number(values['ca3-recalls']), seed) : null;
  if (values.json) {
    for (const r of results) console.log(JSON.stringify(r));
    if (ca3) console.log(JSON.stringify(ca3));
    return;
  }
  console.log(`Willshaw memory n = ${N}, k = ${K}, M = ${M} (load ${results[0].load.toFixed(4)}; theory ${willshawLoad({ n: N, k: K, M }).toFixed(4)}), cue ${C} of ${K} units`);
  for (const r of results) {
    console.log(`  ${r.op.padEnd(24)} ${r.ops_per_s.toExponential(3)} retrievals/s  (${(r.s_per_op * 1e6).toFixed(2)} us each; min ${r.min_ops_per_s.toExponential(2)}, max ${r.max_ops_per_s.toExponential(2)})`);
  }
  if (ca3) {
    console.log(
      `Spiking CA3 n = ${ca3.n}, k = ${ca3.k}, M = ${ca3.M} (built in ${ca3.build_s.toFixed(1)} s): recall ${ca3.sim_s_per_wall_s.toFixed(4)} simulated s per wall s ` +
        `(learning ${ca3.learn_sim_s_per_wall_s.toFixed(4)}), first-wave overlap ${ca3.mean_overlap.toFixed(3)} from ${ca3.c} of ${ca3.k} cells`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  memoryMain(process.argv.slice(2)).catch((err: Error) => {
    console.error(err.message);
    process.exit(2);
  });
}
