/**
 * Spike flags packed on the device, so that a step reads back N/16 floats per population
 * instead of its whole [R][N] state: word x holds the flags of neurons 16x .. 16x + 15
 * as bits of an integer below 2^16, which a float holds exactly (GL textures and webgpu
 * buffers are f32). Sixteen, not the 24 a float could hold, so that every index
 * computation divides by a power of two, exact in f32 however the device divides. The
 * host lists the spikes from the non-zero words, and on-device gathers read a source's
 * packed words of an earlier step ({@link ellGatherPacked} in ell.ts) instead of flags
 * uploaded from the host. At N = 1e6 a step moves 250 kB instead of R x 4 MB.
 */
import type { Arg2 } from './kernels/spec.js';

/** Neurons per packed word. */
export const SPIKE_BITS = 16;

/** gpu.js's `this` in the pack kernel. */
interface PackThis {
  readonly thread: { readonly x: number };
  readonly constants: { readonly N: number; readonly rs: number };
}

/**
 * Kernel (output [ceil(N / 16)]): the spike mask of the `rs` row (`s[rs][i] < 0`, see
 * kernels/spec.ts) packed 16 to a word. The loop has a literal bound, so gpu.js runs it
 * in full; `i` stays below 2^24 for N < 2^24 (exact in f32).
 */
export function packSpikes(this: PackThis, s: Arg2): number {
  let word = 0;
  let bit = 1;
  for (let j = 0; j < 16; j++) {
    const i = this.thread.x * 16 + j;
    if (i < this.constants.N) {
      if (s[this.constants.rs][i] < 0) {
        word += bit;
      }
    }
    bit *= 2;
  }
  return word;
}

/**
 * Writes the indices of the neurons whose bit is set in `words` (ascending) into
 * `spikes`; returns their count.
 */
export function unpackSpikes(words: ArrayLike<number>, spikes: Uint32Array): number {
  let count = 0;
  for (let x = 0; x < words.length; x++) {
    let w = words[x] | 0;
    if (w === 0) continue;
    let i = x * SPIKE_BITS;
    while (w !== 0) {
      if ((w & 1) !== 0) spikes[count++] = i;
      w >>>= 1;
      i++;
    }
  }
  return count;
}

/**
 * Packs a spike list (`count` indices of `spikes`) into `out` (ceil(N / 16) words, all
 * overwritten): the host's form of {@link packSpikes}, for sources that run on the CPU.
 */
export function packSpikeList(spikes: Uint32Array, count: number, out: Float32Array): Float32Array {
  out.fill(0);
  for (let s = 0; s < count; s++) {
    const i = spikes[s];
    out[i >>> 4] += 1 << (i & 15);
  }
  return out;
}
