/**
 * The ELL gather and the device forms against gpu.js's pitfalls (gpujs.md): loops past
 * `loopMaxIterations`, flat indices past 2^24, more than 8 storage buffers.
 */
import { describe, expect, it } from 'vitest';
import { BIT_VALUES, buildEll, ellGather, ellGatherPacked } from '../../../../src/backends/gpu/ell.js';
import { packSpikeList } from '../../../../src/backends/gpu/spikePack.js';
import { MAX_BINDINGS } from '../../../../src/backends/gpu/gpuBackend.js';
import { loadGpuJs, readRows } from '../../../../src/backends/gpu/gpuJs.js';
import { GPU_MODELS } from '../../../../src/backends/gpu/kernels/index.js';
import { bindingCount } from '../../../../src/backends/gpu/kernels/spec.js';

/** Runs the gather of an ELL layout once; row 0 gets the input. */
async function gather(mode: 'webasm' | 'cpu', ell: ReturnType<typeof buildEll>, flags: Float32Array): Promise<Float32Array> {
  const { GPU, Input } = await loadGpuJs();
  const gpu = new GPU({ mode });
  const kernel = gpu.createKernel(ellGather as unknown as (...args: never[]) => number, {
    output: [ell.rows, 2],
    constants: { K: ell.k, row: 0, src: new Input(ell.src, [ell.k, ell.rows]), w: new Input(ell.weight, [ell.k, ell.rows]) },
  });
  const base = new Input(new Float32Array(2 * ell.rows), [ell.rows, 2]);
  return (await readRows(await kernel(base, flags)))[0];
}

describe('buildEll and ellGather', () => {
  it('buildEll(csr) pads rows to the largest in-degree with weight 0, sources ascending', () => {
    // pre 0 -> 0, 1; pre 1 -> 1; pre 2 -> 1
    const ell = buildEll({ rowPtr: Uint32Array.of(0, 2, 3, 4), target: Uint32Array.of(0, 1, 1, 1), weight: Float32Array.of(1, 2, 3, 4), pre: { size: 3 }, post: { size: 2 } });
    expect(ell.k).toBe(3);
    expect(Array.from(ell.src)).toEqual([0, 0, 0, 0, 1, 2]);
    expect(Array.from(ell.weight)).toEqual([1, 0, 0, 2, 3, 4]);
  });

  it.each(['webasm', 'cpu'] as const)('ellGather on %s sums all 1500 inputs of a row: a constant loop bound is not capped at loopMaxIterations (1000)', async (mode) => {
    const k = 1500;
    const rows = 4;
    const src = new Float32Array(rows * k);
    const weight = new Float32Array(rows * k).fill(1);
    for (let x = 0; x < rows; x++) for (let j = 0; j < k; j++) src[x * k + j] = j;
    const out = await gather(mode, { rows, k, src, weight }, new Float32Array(k).fill(1));
    expect(Array.from(out)).toEqual([k, k, k, k]);
  });

  it('ellGather on webasm stays exact past 2^24 synapses (2D addressing: rows of 2^20 targets x 17)', async () => {
    const rows = 1 << 20;
    const k = 17; // 17.8 M synapses > 2^24
    const src = new Float32Array(rows * k);
    const weight = new Float32Array(rows * k);
    // Only the last target's last synapse sees the spiking source 3, with weight 5.
    src[rows * k - 1] = 3;
    weight[rows * k - 1] = 5;
    weight[rows * k - 2] = 7; // source 0 (padding index), not spiking
    const flags = new Float32Array(8);
    flags[3] = 1;
    const out = await gather('webasm', { rows, k, src, weight }, flags);
    expect(out[rows - 1]).toBe(5);
    let others = 0;
    for (let x = 0; x < rows - 1; x++) others += out[x];
    expect(others).toBe(0);
  }, 120_000);

  it.each(Object.keys(GPU_MODELS))('the device form of %s binds at most 8 storage buffers (WebGPU limit)', (name) => {
    expect(bindingCount(GPU_MODELS[name])).toBeLessThanOrEqual(MAX_BINDINGS);
    expect(MAX_BINDINGS).toBe(8);
  });

  it.each(['webasm', 'cpu'] as const)('ellGatherPacked on %s reads packed spike words and sums exactly what ellGather sums from flags', async (mode) => {
    const { GPU, Input } = await loadGpuJs();
    const rows = 300;
    const k = 37;
    const nPre = 1000; // not a multiple of 16
    const src = new Float32Array(rows * k);
    const weight = new Float32Array(rows * k);
    for (let a = 0; a < rows * k; a++) {
      src[a] = (a * 7919) % nPre;
      weight[a] = 0.25 + (a % 13) * 0.5;
    }
    const spiking = Array.from({ length: nPre }, (_, i) => i).filter((i) => i % 5 === 0 || i % 16 === 15 || i === nPre - 1);
    const flags = new Float32Array(nPre);
    for (const i of spiking) flags[i] = 1;
    const words = packSpikeList(Uint32Array.from(spiking), spiking.length, new Float32Array(Math.ceil(nPre / 16)));
    const expected = await gather(mode, { rows, k, src, weight }, flags);
    const gpu = new GPU({ mode });
    const kernel = gpu.createKernel(ellGatherPacked as unknown as (...args: never[]) => number, {
      output: [rows, 2],
      constants: { K: k, row: 0, src: new Input(src, [k, rows]), w: new Input(weight, [k, rows]), bits: BIT_VALUES },
    });
    const got = (await readRows(await kernel(new Input(new Float32Array(2 * rows), [rows, 2]), words)))[0];
    expect(Array.from(got)).toEqual(Array.from(expected));
    expect(got.some((x) => x > 0)).toBe(true);
  });
});
