import { describe, expect, it } from 'vitest';
import { loadGpuJs, readRows } from '../../../../src/backends/gpu/gpuJs.js';
import { SPIKE_BITS, packSpikeList, packSpikes, unpackSpikes } from '../../../../src/backends/gpu/spikePack.js';

/** Packs the flags of row `rs` of a [rows][n] state with the kernel in `mode`. */
async function pack(mode: 'webasm' | 'cpu', state: Float32Array, n: number, rows: number, rs: number): Promise<Float32Array> {
  const { GPU, Input } = await loadGpuJs();
  const gpu = new GPU({ mode });
  const kernel = gpu.createKernel(packSpikes as unknown as (...args: never[]) => number, {
    output: [Math.ceil(n / SPIKE_BITS)],
    constants: { N: n, rs },
  });
  return (await readRows(await kernel(new Input(state, [n, rows]))))[0];
}

describe('packSpikes and unpackSpikes', () => {
  it('unpackSpikes(words, out) lists the set bits of each word in ascending order, the 16th bit included', () => {
    const out = new Uint32Array(64);
    const count = unpackSpikes(Float32Array.of(0b101, 0, 2 ** 15 + 1, 0), out);
    expect(Array.from(out.subarray(0, count))).toEqual([0, 2, 32, 32 + 15]);
    expect(unpackSpikes(new Float32Array(3), out)).toBe(0);
  });

  it.each(['webasm', 'cpu'] as const)('packSpikes on %s packs the negative entries of the rs row, and unpacking gives them back', async (mode) => {
    const n = 1000; // not a multiple of 16: the last word is partial
    const rows = 3;
    const rs = 1;
    const state = new Float32Array(rows * n);
    for (let i = 0; i < n; i++) {
      state[i] = -5; // row 0: negative values that are not spike flags
      state[rs * n + i] = i % 7 === 0 || i === n - 1 ? -(1 + (i % 3)) : i % 4;
      state[2 * n + i] = -1;
    }
    const words = await pack(mode, state, n, rows, rs);
    expect(words.length).toBe(Math.ceil(n / 16));
    for (const w of words) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 16).toBe(true);
    const out = new Uint32Array(n);
    const count = unpackSpikes(words, out);
    const expected = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 0 || i === n - 1);
    expect(Array.from(out.subarray(0, count))).toEqual(expected);
    // the host packing gives the same words
    expect(Array.from(packSpikeList(Uint32Array.from(expected), expected.length, new Float32Array(words.length).fill(7)))).toEqual(Array.from(words));
  });
});
