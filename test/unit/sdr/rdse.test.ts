import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { SDRMetrics } from '../../../src/sdr/metrics.js';
import { RDSE } from '../../../src/sdr/rdse.js';
import { SDR } from '../../../src/sdr/sdr.js';

// htm.core bindings/py/tests/encoders/rdse_test.py, testDeterminism
const GOLD = [
  28, 47, 63, 93, 123, 124, 129, 131, 136, 140, 196, 205, 213, 239, 258, 275, 276, 286, 305, 339, 345, 350, 372, 394,
  395, 443, 449, 462, 468, 471, 484, 514, 525, 557, 565, 570, 576, 585, 600, 609, 631, 632, 635, 642, 651, 683, 693,
  694, 696, 699, 721, 734, 772, 790, 792, 795, 805, 806, 833, 836, 842, 846, 892, 896, 911, 914, 927, 936, 947, 953,
  955, 962, 965, 989, 990, 996,
];

describe('RDSE bit-compatibility with htm.core', () => {
  it('encode(987654) with size 1000, sparsity 0.08, radius 12, seed 42 gives htm.core\'s golden bits', () => {
    const rdse = new RDSE({ size: 1000, sparsity: 0.08, radius: 12, seed: 42 });
    expect(Array.from(rdse.encode(987654).sparse)).toEqual(GOLD);
  });

  it('the float32 resolution decides the bucket: bucket(987654) is 6584359, not 6584360', () => {
    const rdse = new RDSE({ size: 1000, sparsity: 0.08, radius: 12, seed: 42 });
    expect(rdse.parameters.resolution).toBe(Math.fround(0.15));
    expect(rdse.bucket(987654)).toBe(6584359);
    expect(Math.trunc(987654 / 0.15)).toBe(6584360);
  });

  it('bucket(x) truncates toward zero and wraps negative quotients modulo 2^32 (x86-64)', () => {
    const rdse = new RDSE({ size: 1000, activeBits: 20, resolution: 1, seed: 1 });
    expect(rdse.bucket(2.9)).toBe(2);
    expect(rdse.bucket(-0.5)).toBe(0);
    expect(rdse.bucket(-1.5)).toBe(4294967295);
    expect(rdse.bucket(2 ** 32 + 5)).toBe(5);
    expect(rdse.bucket(1e300)).toBe(0);
  });

  it('encoding with the resolved parameters (duplicates removed) gives the same SDR (testConstructor)', () => {
    const r1 = new RDSE({ size: 1000, sparsity: 0.1, radius: 10, seed: 7 });
    const r2 = new RDSE({ ...r1.parameters, sparsity: 0, radius: 0 });
    const a = new SDR(1000);
    r1.encode(66, a);
    expect(r2.encode(66).equals(a)).toBe(true);
  });

  it('encode writes into an output of any shape with the right size', () => {
    const r = new RDSE({ size: 1000, sparsity: 0.1, radius: 10, seed: 7 });
    const a = new SDR([100, 10]);
    expect(r.encode(33, a)).toBe(a);
    expect(Array.from(a.sparse)).toEqual(Array.from(r.encode(33).sparse));
  });
});

describe('RDSE parameters (rdse_test.py)', () => {
  it('sparsity rounds to activeBits in float32 (testSparsityActiveBits)', () => {
    expect(new RDSE({ size: 1000, sparsity: 0.02551, radius: 10, seed: 1 }).parameters.activeBits).toBe(26);
    expect(new RDSE({ size: 1000, sparsity: 0.03049, radius: 100, seed: 1 }).parameters.activeBits).toBe(30);
    expect(new RDSE({ size: 1000, activeBits: 500, radius: 10, seed: 1 }).parameters.sparsity).toBe(0.5);
  });

  it('radius and resolution determine each other (testRadiusResolution)', () => {
    const a = new RDSE({ size: 2000, activeBits: 100, radius: 12, seed: 1 });
    expect(a.parameters.resolution).toBe(Math.fround(12 / 100));
    expect(a.parameters.resolution).toBeCloseTo(0.12, 5);
    const b = new RDSE({ size: 2000, activeBits: 100, resolution: 12, seed: 1 });
    expect(b.parameters.radius).toBe(1200);
  });

  it('moving one resolution usually moves one bit (testRadiusResolution)', () => {
    const r = new RDSE({ size: 2000, activeBits: 100, resolution: 3.33, seed: 42 });
    const sdrs = Array.from({ length: 100 }, (_, i) => r.encode(i * r.parameters.resolution));
    let movedOne = 0;
    let samples = 0;
    for (let i = 0; i + 1 < sdrs.length; i++) {
      const [a, b] = [sdrs[i], sdrs[i + 1]];
      const delta = a.getSum() - a.overlap(b);
      if (a.getSum() === b.getSum()) {
        expect(delta).toBeLessThan(2);
        movedOne += delta;
        samples++;
      }
    }
    expect(movedOne).toBeGreaterThanOrEqual(0.9 * samples);
  });

  it('consecutive integers overlap by 1 − 1/radius on average (testAverageOverlap)', () => {
    const r = new RDSE({ size: 2000, sparsity: 0.08, radius: 12, seed: 42 });
    const a = new SDR(r.size);
    const m = new SDRMetrics(a, 10001);
    for (let i = 0; i < 10000; i++) r.encode(i, a);
    const target = 1 - 1 / r.parameters.radius;
    const s = r.parameters.sparsity;
    expect(m.overlap.min()).toBeGreaterThan(target - 0.04);
    expect(m.overlap.max()).toBeLessThan(target + 0.04);
    expect(Math.abs(m.overlap.mean() - target)).toBeLessThan(0.001);
    expect(m.sparsity.min()).toBeGreaterThan(s - 0.01);
    expect(m.sparsity.max()).toBeLessThan(s + 0.01);
    expect(Math.abs(m.sparsity.mean() - s)).toBeLessThan(0.005);
    expect(m.activationFrequency.min()).toBeGreaterThan(s - 0.05);
    expect(m.activationFrequency.max()).toBeLessThan(s + 0.05);
    expect(Math.abs(m.activationFrequency.mean() - s)).toBeLessThan(0.005);
    expect(m.activationFrequency.entropy()).toBeGreaterThan(0.99);
  });

  it('values one radius apart share almost nothing (testRandomOverlap)', () => {
    const r = new RDSE({ size: 2000, sparsity: 0.08, radius: 12, seed: 42 });
    const a = new SDR(r.size);
    const m = new SDRMetrics(a, 1001);
    for (let i = 0; i < 1000; i++) r.encode(i * r.parameters.radius, a);
    expect(m.overlap.max()).toBeLessThan(0.15);
    expect(m.overlap.mean()).toBeLessThan(0.1);
    expect(m.activationFrequency.entropy()).toBeGreaterThan(0.99);
  });

  it('hash collisions leave size·(1 − (1 − 1/size)^activeBits) distinct bits on average', () => {
    const r = new RDSE({ size: 2000, activeBits: 160, radius: 1, seed: 3 });
    let total = 0;
    const n = 2000;
    for (let i = 0; i < n; i++) total += r.encode(i * 2).getSum(); // buckets 160 apart: independent codes
    const expected = 2000 * (1 - (1 - 1 / 2000) ** 160); // 153.8
    expect(Math.abs(total / n - expected)).toBeLessThan(0.5);
  });

  it('different seeds give different codes (testSeed); the same seed gives the same code', () => {
    const p = { size: 1000, sparsity: 0.08, radius: 12 };
    const a = new RDSE({ ...p, seed: 98 }).encode(987654);
    expect(new RDSE({ ...p, seed: 99 }).encode(987654).equals(a)).toBe(false);
    expect(new RDSE({ ...p, seed: 98 }).encode(987654).equals(a)).toBe(true);
  });

  it('seed 0 draws the seed from the rng given: same rng seed, same encoder', () => {
    const a = new RDSE({ size: 1000, sparsity: 0.08, radius: 12 }, new Rng(5));
    const b = new RDSE({ size: 1000, sparsity: 0.08, radius: 12, seed: 0 }, 5);
    expect(a.parameters.seed).toBe(b.parameters.seed);
    expect(a.parameters.seed).toBeGreaterThan(0);
    expect(a.encode(3.5).equals(b.encode(3.5))).toBe(true);
  });

  it('category encoders give unrelated codes to consecutive integers', () => {
    const r = new RDSE({ size: 2000, activeBits: 40, category: true, seed: 9 });
    expect(r.parameters.radius).toBe(1);
    expect(r.parameters.resolution).toBe(Math.fround(1 / 40));
    expect(r.encode(3).overlap(r.encode(4))).toBeLessThan(5);
    expect(() => r.encode(2.5)).toThrow(/unsigned integer/);
    expect(() => r.encode(-1)).toThrow(/unsigned integer/);
  });

  it('encode(NaN) gives all zeros', () => {
    const r = new RDSE({ size: 1000, sparsity: 0.1, radius: 10, seed: 7 });
    expect(r.encode(Number.NaN, SDR.fromSparse(1000, [1])).getSum()).toBe(0);
  });
});

describe('RDSE input validation (testErrorChecks)', () => {
  const good = { size: 1000, sparsity: 0.1, radius: 10, seed: 7 };

  it('encode throws for an output of the wrong size, a non-number or an infinite input', () => {
    const r = new RDSE(good);
    expect(() => r.encode(3, new SDR(1))).toThrow(/'output'/);
    expect(() => r.encode(Infinity)).toThrow(/'input'/);
    expect(() => r.encode('3' as unknown as number)).toThrow(/'input'/);
  });

  it('new RDSE throws for size 0 or a sparsity that rounds to no active bit', () => {
    expect(() => new RDSE({ ...good, size: 0 })).toThrow(/'size'/);
    expect(() => new RDSE({ ...good, sparsity: 0.00001 })).toThrow(/'sparsity'/);
    expect(() => new RDSE({ ...good, sparsity: 1.5 })).toThrow(/'sparsity'/);
  });

  it('new RDSE throws for missing or duplicated activeBits/sparsity and radius/resolution/category', () => {
    expect(() => new RDSE({ size: 1000, radius: 10, seed: 1 })).toThrow(/exactly one of activeBits or sparsity/);
    expect(() => new RDSE({ size: 1000, activeBits: 10, seed: 1 })).toThrow(/exactly one of radius, resolution or category/);
    expect(() => new RDSE({ size: 1000, sparsity: 0.6, activeBits: 10, radius: 4, seed: 1 })).toThrow(/exactly one of activeBits/);
    expect(() => new RDSE({ size: 1000, activeBits: 10, radius: 4, resolution: 4, seed: 1 })).toThrow(ParameterError);
    expect(() => new RDSE({ size: 1000, activeBits: 10, radius: 4, category: true, seed: 1 })).toThrow(ParameterError);
  });

  it('new RDSE throws when the hash collision check fails (size 100, activeBits 10)', () => {
    expect(() => new RDSE({ size: 100, activeBits: 10, radius: 1, seed: 1 })).toThrow(/hash collision/);
    expect(() => new RDSE({ size: 999, activeBits: 30, radius: 1, seed: 1 })).not.toThrow(); // checked, passes
  });

  it('new RDSE throws for a bad seed, a missing rng, activeBits > size, unknown keys and a float32-zero resolution', () => {
    expect(() => new RDSE({ ...good, seed: -1 })).toThrow(/'seed'/);
    expect(() => new RDSE({ ...good, seed: 2 ** 32 })).toThrow(/'seed'/);
    expect(() => new RDSE({ size: 1000, sparsity: 0.1, radius: 10 })).toThrow(/'seed'.*rng/);
    expect(() => new RDSE({ size: 1000, activeBits: 1001, radius: 10, seed: 1 })).toThrow(/'activeBits'/);
    expect(() => new RDSE({ ...good, Seed: 3 } as unknown as typeof good)).toThrow(/'parameters.Seed'/);
    expect(() => new RDSE({ size: 1000, activeBits: 10, resolution: 1e-50, seed: 1 })).toThrow(/'resolution'/);
    expect(() => new RDSE({ ...good, category: 'yes' as unknown as boolean })).toThrow(/'category'/);
  });
});
