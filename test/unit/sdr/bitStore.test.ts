import { describe, expect, it } from 'vitest';
import { Rng, SDR } from '../../../src/index.js';
import { SDRBitStore, bitSlotBytes, sdrBitStore } from '../../../src/sdr/bitStore.js';

/** Overlap by a plain merge of the sorted lists (the reference). */
function mergeOverlap(a: SDR, b: SDR): number {
  const x = a.sparse;
  const y = b.sparse;
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      c++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return c;
}

/** Makes `x` store its bit set (a value used in a second overlap builds one). */
function store(x: SDR): SDR {
  x.overlap(x);
  x.overlap(x);
  return x;
}

describe('bitSlotBytes', () => {
  it('bitSlotBytes(size) rounds up to whole 32-byte pairs of 128-bit vectors', () => {
    expect(bitSlotBytes(1)).toBe(32);
    expect(bitSlotBytes(256)).toBe(32);
    expect(bitSlotBytes(257)).toBe(64);
    expect(bitSlotBytes(2048)).toBe(256);
    expect(bitSlotBytes(1 << 20)).toBe(131072);
  });
});

describe('SDRBitStore', () => {
  it('has a SIMD overlap kernel in Node (WebAssembly SIMD is available here)', () => {
    expect(sdrBitStore().overlap).not.toBeNull();
  });

  it('overlap(a, b, end) counts the bits set in both slots', () => {
    const st = new SDRBitStore();
    const owner = {};
    const a = st.allocate(64, owner);
    const b = st.allocate(64, owner);
    const bits = (at: number, list: number[]) => {
      for (const x of list) st.words[(at >>> 2) + (x >>> 5)] |= 1 << (x & 31);
    };
    bits(a, [0, 31, 32, 127, 128, 255, 256, 300, 511]);
    bits(b, [0, 31, 33, 127, 129, 255, 256, 301, 511]);
    expect(st.overlap!(a, b, a + 64)).toBe(6); // 0, 31, 127, 255, 256, 511
    expect(st.overlap!(a, a, a + 64)).toBe(9);
  });

  it('allocate(bytes, owner) reuses a released slot of the same size, zeroed', () => {
    const st = new SDRBitStore();
    const owner = {};
    const a = st.allocate(256, owner);
    st.words.fill(-1, a >>> 2, (a + 256) >>> 2);
    st.release(a, 256);
    expect(st.stats()).toMatchObject({ liveSlots: 0, freeSlots: 1 });
    const other = st.allocate(64, owner); // another size does not take it
    expect(other).not.toBe(a);
    const again = st.allocate(256, owner);
    expect(again).toBe(a);
    expect(Array.from(st.words.subarray(a >>> 2, (a + 256) >>> 2)).every((w) => w === 0)).toBe(true);
    expect(st.stats()).toMatchObject({ liveSlots: 2, freeSlots: 0 });
  });

  it('allocate(bytes, owner) grows the memory and keeps earlier slots', () => {
    const st = new SDRBitStore();
    const owner = {};
    const first = st.allocate(32, owner);
    st.words[first >>> 2] = 12345;
    const before = st.stats().memoryBytes;
    for (let i = 0; i < 1000; i++) st.allocate(256, owner);
    expect(st.stats().memoryBytes).toBeGreaterThan(before);
    expect(st.stats().memoryBytes).toBeGreaterThanOrEqual(32 + 1000 * 256);
    expect(st.words[first >>> 2]).toBe(12345);
  });
});

describe('SDRBitStore at its limit', () => {
  it('allocate(bytes, owner) answers -1 once the memory cannot grow, and keeps the slots it has', () => {
    const st = new SDRBitStore(3); // 3 pages of 64 KiB
    const owner = {};
    const slots: number[] = [];
    for (let i = 0; i < 10; i++) slots.push(st.allocate(32768, owner));
    expect(slots.slice(0, 6)).toEqual([0, 32768, 65536, 98304, 131072, 163840]);
    expect(slots.slice(6)).toEqual([-1, -1, -1, -1]);
    expect(st.stats()).toMatchObject({ liveSlots: 6, memoryBytes: 3 * 65536 });
    st.release(slots[2], 32768);
    expect(st.allocate(32768, owner)).toBe(65536);
  });
});

describe('SDR.overlap through stored bit sets', () => {
  it('overlap(other) of two stored values equals the merged count, at sizes that are not whole vectors too', () => {
    const rng = new Rng(5);
    for (const [n, w] of [
      [2048, 40],
      [1000, 20],
      [2049, 41],
      [4096, 400],
      [300, 30],
      [65536, 1311],
    ]) {
      const pool = Array.from({ length: 12 }, () => store(new SDR(n).randomize(w / n, rng)));
      pool.push(store(pool[0].clone().addNoise(0.3, rng)));
      for (const a of pool) {
        for (const b of pool) expect(a.overlap(b)).toBe(mergeOverlap(a, b));
      }
    }
  });

  it('overlap(other) of stored values with few active bits against the size looks them up (same count)', () => {
    const rng = new Rng(6);
    const a = store(new SDR(65536).randomize(40 / 65536, rng));
    const b = store(a.clone().addNoise(0.25, rng));
    expect(a.overlap(b)).toBe(30);
    expect(b.overlap(a)).toBe(30);
  });

  it('overlap(other) stays right after many more SDRs grow the store', () => {
    const rng = new Rng(7);
    const a = store(new SDR(2048).randomize(40 / 2048, rng));
    const b = store(a.clone().addNoise(0.5, rng));
    const keep: SDR[] = [];
    for (let i = 0; i < 3000; i++) keep.push(store(new SDR(2048).randomize(40 / 2048, rng)));
    expect(a.overlap(b)).toBe(20);
    expect(keep[2999].overlap(keep[2999])).toBe(40);
    expect(keep[0].overlap(a)).toBe(mergeOverlap(keep[0], a));
  });

  it('overlap(other) after the value changes rewrites the stored bit set in the same slot', () => {
    const a = store(SDR.fromSparse(2048, Array.from({ length: 40 }, (_, i) => i * 50)));
    const b = store(SDR.fromSparse(2048, Array.from({ length: 40 }, (_, i) => i * 50)));
    expect(a.overlap(b)).toBe(40);
    const slots = sdrBitStore().stats().liveSlots;
    b.setSparse(Array.from({ length: 40 }, (_, i) => i * 50 + 1));
    expect(a.overlap(b)).toBe(0); // a's set against b's new list
    expect(b.overlap(a)).toBe(0); // b rebuilds its set
    expect(a.overlap(b)).toBe(0); // both stored: the SIMD kernel
    expect(sdrBitStore().stats().liveSlots).toBe(slots);
  });

  it('overlap(other) with a non-SDR still throws the typed error', () => {
    const a = store(new SDR(2048).randomize(0.02, 1));
    expect(() => a.overlap({} as unknown as SDR)).toThrow(/other/);
    expect(() => a.overlap(store(new SDR(1024).randomize(0.02, 1)))).toThrow(/dimensions/);
  });
});
