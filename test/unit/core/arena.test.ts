import { describe, expect, it } from 'vitest';
import { Arena, padToVector, type ArenaRegion } from '../../../src/core/arena.js';

const regions: ArenaRegion[] = [
  { name: 'v', type: Float32Array, length: 5 },
  { name: 'refractory', type: Int32Array, length: 7 },
  { name: 'spikes', type: Uint32Array, length: 1 },
  { name: 'ring', type: Float32Array, length: 3, count: 4 },
  { name: 'last', type: Float32Array, length: 9 },
];

describe('padToVector(length)', () => {
  it('padToVector(n) rounds up to a multiple of 4 lanes', () => {
    expect([0, 1, 3, 4, 5, 8, 9].map(padToVector)).toEqual([0, 4, 4, 4, 8, 8, 12]);
  });
});

describe('new Arena(regions)', () => {
  it('arena.view(name) starts every array on a 16-byte boundary, with the region type and length', () => {
    const a = new Arena(regions);
    for (const r of regions) {
      for (let k = 0; k < (r.count ?? 1); k++) {
        const v = a.view(r.name, k);
        expect(v.byteOffset % 16).toBe(0);
        expect(v.length).toBe(r.length);
        expect(v).toBeInstanceOf(r.type);
        expect(v.buffer).toBe(a.memory.buffer);
      }
    }
  });

  it('arena views do not overlap: writing one region leaves every other untouched', () => {
    const a = new Arena(regions);
    const all: Array<{ name: string; k: number }> = [];
    for (const r of regions) for (let k = 0; k < (r.count ?? 1); k++) all.push({ name: r.name, k });
    all.forEach(({ name, k }, id) => a.view(name, k).fill(id + 1));
    all.forEach(({ name, k }, id) => {
      expect(Array.from(a.view(name, k)).every((x) => x === id + 1)).toBe(true);
    });
  });

  it('arena.view(name, k) of a ring region steps by the padded length; regionView spans every slot', () => {
    const a = new Arena(regions);
    const s0 = a.view('ring', 0);
    const s1 = a.view('ring', 1);
    expect(s1.byteOffset - s0.byteOffset).toBe(padToVector(3) * 4);
    const whole = a.regionView('ring');
    expect(whole.byteOffset).toBe(s0.byteOffset);
    expect(whole.length).toBe(padToVector(3) * 4);
    a.view('ring', 2)[1] = 42;
    expect(whole[2 * 4 + 1]).toBe(42);
  });

  it('new Arena(regions) takes the fewest 64 KiB pages that hold every padded region (at least one)', () => {
    expect(new Arena([]).memory.buffer.byteLength).toBe(65536);
    // 16384 floats fill one page exactly; one more float pads to 16388 and needs a second page.
    expect(new Arena([{ name: 'x', type: Float32Array, length: 16_384 }]).memory.buffer.byteLength).toBe(65536);
    const two = new Arena([{ name: 'x', type: Float32Array, length: 16_385 }]);
    expect(two.memory.buffer.byteLength).toBe(2 * 65536);
    // 70000 floats = 280000 bytes: 5 pages.
    const big = new Arena([{ name: 'x', type: Float32Array, length: 70_000 }]);
    expect(big.memory.buffer.byteLength).toBe(5 * 65536);
    expect(big.view('x').length).toBe(70_000);
  });

  it('arena.view("missing") throws, naming the region', () => {
    const a = new Arena(regions);
    expect(() => a.view('missing')).toThrow(/missing/);
    expect(() => a.regionView('missing')).toThrow(/missing/);
  });
});

describe('arena.relayout(regions, move)', () => {
  it('arena.relayout(regions) moves into a new memory and keeps the data of every region kept', () => {
    const a = new Arena(regions);
    a.view('v').set([1, 2, 3, 4, 5]);
    a.view('refractory').set([-1, -2, -3, -4, -5, -6, -7]);
    a.view('last').set([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const oldMemory = a.memory;
    const grown = regions.map((r) => (r.name === 'ring' ? { ...r, count: 10 } : r));
    grown.push({ name: 'extra', type: Float32Array, length: 100_000 });
    a.relayout(grown);
    expect(a.memory).not.toBe(oldMemory);
    expect(Array.from(a.view('v'))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(a.view('refractory'))).toEqual([-1, -2, -3, -4, -5, -6, -7]);
    expect(Array.from(a.view('last'))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    for (const r of grown) expect(a.view(r.name).byteOffset % 16).toBe(0);
    expect(a.view('extra').length).toBe(100_000);
    expect(Array.from(a.view('ring', 9))).toEqual([0, 0, 0]);
  });

  it('arena.relayout(regions) copies the common prefix of a grown region by default', () => {
    const a = new Arena(regions);
    for (let k = 0; k < 4; k++) a.view('ring', k).set([k, k + 0.5, k + 0.25]);
    a.relayout(regions.map((r) => (r.name === 'ring' ? { ...r, count: 6 } : r)));
    for (let k = 0; k < 4; k++) expect(Array.from(a.view('ring', k))).toEqual([k, k + 0.5, k + 0.25]);
    expect(Array.from(a.view('ring', 4))).toEqual([0, 0, 0]);
  });

  it('arena.relayout(regions, move) lets move() place a region itself and falls back to the copy when it returns false', () => {
    const a = new Arena(regions);
    a.view('v').set([1, 2, 3, 4, 5]);
    a.view('ring', 0).set([7, 7, 7]);
    const moved: string[] = [];
    a.relayout(regions, (name, from, to) => {
      moved.push(name);
      if (name !== 'ring') return false;
      to.set(from.subarray(0, 4), 4); // slot 0 -> slot 1
      return true;
    });
    expect(moved).toEqual(regions.map((r) => r.name));
    expect(Array.from(a.view('v'))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(a.view('ring', 0))).toEqual([0, 0, 0]);
    expect(Array.from(a.view('ring', 1))).toEqual([7, 7, 7]);
  });

  it('arena.relayout(regions) leaves old views pointing at the old memory (owners must re-read views)', () => {
    const a = new Arena(regions);
    const before = a.view('v');
    before[0] = 3;
    a.relayout(regions);
    const after = a.view('v');
    after[0] = 4;
    expect(before[0]).toBe(3);
    expect(after.buffer).not.toBe(before.buffer);
  });
});
