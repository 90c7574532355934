/**
 * The ELL (fixed in-degree) layout of a projection and its gather kernel: the synaptic
 * input of target x is the sum of the weights of its K incoming synapses whose source
 * spiked (rows padded with weight 0). Connectivity and weights are kernel constants,
 * uploaded once. Addressing is 2D (`src[x][j]`, `Input(flat, [K, N])`): a flat index
 * x K + j would be computed in f32 on webasm and GL and go wrong past 2^24 synapses.
 * The loop bound is the constant K, so gpu.js runs it fully even past
 * `loopMaxIterations` (which caps only data-dependent loops).
 */
import type { Projection } from '../../engine/projection.js';
import type { Arg1, Arg2 } from './kernels/spec.js';

/** `this` inside {@link ellGather}. */
export interface GatherThis {
  readonly thread: { readonly x: number; readonly y: number };
  readonly constants: { readonly K: number; readonly row: number; readonly src: Arg2; readonly w: Arg2 };
}

/** A projection in ELL form: row x holds target x's sources and weights (K per row). */
export interface EllLayout {
  /** targets (the post population's size) */
  readonly rows: number;
  /** entries per row: the largest in-degree (at least 1) */
  readonly k: number;
  /** source index per entry, row-major [rows][k] (padding: 0 with weight 0) */
  readonly src: Float32Array;
  /** weight per entry, row-major [rows][k] */
  readonly weight: Float32Array;
}

/** Builds the ELL layout from a projection's CSR (sources in ascending order within each row). */
export function buildEll(proj: Pick<Projection, 'rowPtr' | 'target' | 'weight'> & { post: { size: number }; pre: { size: number } }): EllLayout {
  const rows = proj.post.size;
  const degree = new Uint32Array(rows);
  for (let s = 0; s < proj.target.length; s++) degree[proj.target[s]]++;
  let k = 1;
  for (let x = 0; x < rows; x++) if (degree[x] > k) k = degree[x];
  const src = new Float32Array(rows * k);
  const weight = new Float32Array(rows * k);
  degree.fill(0);
  for (let i = 0; i < proj.pre.size; i++) {
    for (let s = proj.rowPtr[i]; s < proj.rowPtr[i + 1]; s++) {
      const x = proj.target[s];
      const at = x * k + degree[x]++;
      src[at] = i;
      weight[at] = proj.weight[s];
    }
  }
  return { rows, k, src, weight };
}

/**
 * Gather kernel, output [N][2]: row `row` (0 excitatory, 1 inhibitory) of `base` plus
 * the weights of the synapses whose source flag is set; the other row passes through.
 * Constants: K, row, src = Input(src, [K, N]), w = Input(weight, [K, N]).
 */
export function ellGather(this: GatherThis, base: Arg2, flags: Arg1): number {
  const x = this.thread.x;
  const y = this.thread.y;
  let sum = base[y][x];
  if (Math.abs(y - this.constants.row) < 0.5) {
    for (let j = 0; j < this.constants.K; j++) {
      if (flags[this.constants.src[x][j]] > 0.5) {
        sum += this.constants.w[x][j];
      }
    }
  }
  return sum;
}

/** Powers of two 2^0 .. 2^15: the bit values of a packed spike word (a kernel constant). */
export const BIT_VALUES = Float32Array.from({ length: 16 }, (_, b) => 2 ** b);

/**
 * {@link ellGather} reading the source's spike flags packed 16 to a float (`spikePack.ts`):
 * source i spiked when bit i mod 16 of word floor(i / 16) is set. Every step of the
 * arithmetic is exact in f32 (divisions by powers of two of integers below 2^24), so GL,
 * webgpu and webasm agree. Constants as ellGather plus `bits` = {@link BIT_VALUES}.
 */
export function ellGatherPacked(this: PackedGatherThis, base: Arg2, packed: Arg1): number {
  const x = this.thread.x;
  const y = this.thread.y;
  let sum = base[y][x];
  if (Math.abs(y - this.constants.row) < 0.5) {
    for (let j = 0; j < this.constants.K; j++) {
      const i = this.constants.src[x][j];
      const word = Math.floor(i / 16);
      const bit = i - word * 16;
      const q = Math.floor(packed[word] / this.constants.bits[bit]);
      if (q - 2 * Math.floor(q / 2) > 0.5) {
        sum += this.constants.w[x][j];
      }
    }
  }
  return sum;
}

/** `this` inside {@link ellGatherPacked}. */
export interface PackedGatherThis {
  readonly thread: { readonly x: number; readonly y: number };
  readonly constants: { readonly K: number; readonly row: number; readonly src: Arg2; readonly w: Arg2; readonly bits: Arg1 };
}
