import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { SDRMetrics } from '../../../src/sdr/metrics.js';
import { ScalarEncoder, nextUp } from '../../../src/sdr/scalarEncoder.js';
import { SDR } from '../../../src/sdr/sdr.js';

const bits = (s: SDR): number[] => Array.from(s.sparse);

describe('ScalarEncoder golden cases (htm.core ScalarEncoderTest.cpp)', () => {
  it('encode(10) and encode(20) with size 7, activeBits 3 on [10, 20] (NonIntegerBucketWidth)', () => {
    const enc = new ScalarEncoder({ size: 7, activeBits: 3, minimum: 10, maximum: 20 });
    expect(bits(enc.encode(10))).toEqual([0, 1, 2]);
    expect(bits(enc.encode(20))).toEqual([4, 5, 6]);
  });

  const cases: [number, number[]][] = [
    [10.0, [0, 1, 2]],
    [10.49, [0, 1, 2]],
    [10.5, [1, 2, 3]],
    [11.49, [1, 2, 3]],
    [11.5, [2, 3, 4]],
    [14.49, [4, 5, 6]],
    [14.5, [5, 6, 7]],
    [15.49, [5, 6, 7]],
    [15.5, [6, 7, 8]],
    [19.0, [9, 10, 11]],
    [19.49, [9, 10, 11]],
    [19.5, [10, 11, 12]],
    [20.0, [10, 11, 12]],
  ];

  it('encode rounds to the nearest multiple of the resolution: resolution 1 gives size 13', () => {
    const enc = new ScalarEncoder({ activeBits: 3, minimum: 10, maximum: 20, resolution: 1 });
    expect(enc.size).toBe(13);
    for (const [x, expected] of cases) {
      expect(bits(enc.encode(x))).toEqual(expected);
      expect(bits(enc.encode(Math.fround(x)))).toEqual(expected); // the C++ test passes float literals
    }
  });

  it('encode wraps around when periodic: size 10 (PeriodicRoundNearestMultipleOfResolution)', () => {
    const enc = new ScalarEncoder({ activeBits: 3, minimum: 10, maximum: 20, resolution: 1, periodic: true });
    expect(enc.size).toBe(10);
    const periodic: [number, number[]][] = [
      ...cases.slice(0, 9),
      [19.49, [0, 1, 9]],
      [19.5, [0, 1, 2]],
      [20.0, [0, 1, 2]],
    ];
    for (const [x, expected] of periodic) {
      expect(bits(enc.encode(x))).toEqual(expected);
      expect(bits(enc.encode(Math.fround(x)))).toEqual(expected);
    }
  });

  it('encode throws outside [minimum, maximum] unless clipInput (testClippingInputs, ValidScalarInputs)', () => {
    const p = { size: 10, activeBits: 2, minimum: 10, maximum: 20 };
    const enc = new ScalarEncoder(p);
    expect(() => enc.encode(Math.fround(9.9))).toThrow(/'input'/);
    expect(() => enc.encode(Math.fround(20.1))).toThrow(/clipInput/);
    expect(() => enc.encode(Math.fround(20.0001))).toThrow(ParameterError);
    expect(() => enc.encode(10)).not.toThrow();
    expect(() => enc.encode(Math.fround(19.9))).not.toThrow();
    expect(() => enc.encode(20)).not.toThrow();
    const clip = new ScalarEncoder({ ...p, clipInput: true });
    expect(clip.encode(9.9).equals(clip.encode(10))).toBe(true);
    expect(clip.encode(20.1).equals(clip.encode(20))).toBe(true);
  });

  it('sparsity 0.02 with size 66 gives activeBits = round(1.32) = 1 (CategoryEncode)', () => {
    const enc = new ScalarEncoder({ size: 66, sparsity: 0.02, minimum: 0, maximum: 65 });
    expect(enc.parameters.activeBits).toBe(1);
    expect(() => enc.encode(-0.01)).toThrow(ParameterError);
    expect(() => enc.encode(66)).toThrow(ParameterError);
    expect(enc.encode(10).getSum()).toBe(1);
  });

  it('the parameter sets of the C++ serialization test all construct', () => {
    const p = { minimum: -1.234, maximum: 12.34, activeBits: 34, radius: 0.1337 };
    expect(new ScalarEncoder(p).parameters.resolution).toBeCloseTo(0.1337 / 34, 15);
    expect(new ScalarEncoder({ ...p, clipInput: true }).parameters.clipInput).toBe(true);
    expect(new ScalarEncoder({ ...p, periodic: true }).parameters.periodic).toBe(true);
    expect(new ScalarEncoder({ minimum: -1.234, maximum: 12.34, activeBits: 34, resolution: 0.1337, periodic: true }).size).toBe(
      Math.ceil((12.34 + 1.234) / 0.1337),
    );
    expect(new ScalarEncoder({ minimum: -1, maximum: Math.fround(1.0003), size: 100, sparsity: 0.15 }).parameters.activeBits).toBe(15);
    expect(new ScalarEncoder({ minimum: 0, maximum: 65, size: 700, sparsity: 0.02 }).parameters.activeBits).toBe(14);
  });
});

describe('ScalarEncoder (htm.core scalar_encoder_test.py)', () => {
  it('resolves radius, resolution and sparsity from size (testConstructor)', () => {
    const enc = new ScalarEncoder({ size: 1000, activeBits: 20, minimum: 0, maximum: 345 });
    expect(enc.dimensions).toEqual([1000]);
    expect(enc.size).toBe(1000);
    expect(enc.parameters.clipInput).toBe(false);
    expect(enc.parameters.periodic).toBe(false);
    expect(enc.parameters.sparsity).toBe(Math.fround(0.02));
    expect(enc.parameters.resolution).toBe(nextUp(345) / 980);
    expect(enc.parameters.radius).toBe(20 * enc.parameters.resolution);
    expect(Object.isFrozen(enc.parameters)).toBe(true);
  });

  it('encode(0) and encode(1) on [0, 1] with size 10, activeBits 3 (testEncode)', () => {
    const enc = new ScalarEncoder({ size: 10, activeBits: 3, minimum: 0, maximum: 1 });
    const out = new SDR(10);
    expect(enc.encode(0, out)).toBe(out);
    expect(bits(out)).toEqual([0, 1, 2]);
    expect(bits(enc.encode(1))).toEqual([7, 8, 9]);
  });

  it('radius 1 gives disjoint codes for integer categories (testCategories)', () => {
    const two = new ScalarEncoder({ minimum: 0, maximum: 1, activeBits: 3, radius: 1 });
    expect(two.encode(0).overlap(two.encode(1))).toBe(0);
    const three = new ScalarEncoder({ minimum: 0, maximum: 2, activeBits: 3, radius: 1 });
    expect(three.encode(0).overlap(three.encode(1))).toBe(0);
    expect(three.encode(1).overlap(three.encode(2))).toBe(0);
    expect(three.encode(2).getSum()).toBe(3);
  });

  it('category: true encodes unsigned integers as disjoint blocks and rejects fractions', () => {
    const enc = new ScalarEncoder({ minimum: 0, maximum: 5, activeBits: 3, category: true });
    expect(enc.size).toBe(18);
    expect(enc.parameters.radius).toBe(1);
    for (let c = 0; c < 6; c++) expect(bits(enc.encode(c))).toEqual([3 * c, 3 * c + 1, 3 * c + 2]);
    expect(() => enc.encode(2.5)).toThrow(/unsigned integer/);
  });

  it('encode overlaps follow the radius (testRadius)', () => {
    const enc = new ScalarEncoder({ activeBits: 10, minimum: 0, maximum: 100, radius: 10 });
    expect(enc.encode(77).overlap(enc.encode(77))).toBe(10);
    expect(enc.encode(0).overlap(enc.encode(1))).toBe(9);
    expect(enc.encode(60).overlap(enc.encode(69))).toBe(1);
    expect(enc.encode(45).overlap(enc.encode(55))).toBe(0);
  });

  it('encode overlaps follow the resolution (testResolution)', () => {
    const enc = new ScalarEncoder({ activeBits: 10, minimum: 0, maximum: 100, resolution: 0.5 });
    expect(enc.encode(0).equals(enc.encode(0.1))).toBe(true);
    expect(enc.encode(0).overlap(enc.encode(0.6))).toBe(9);
    expect(enc.encode(70).overlap(enc.encode(72.5))).toBe(5);
    expect(enc.encode(70).overlap(enc.encode(75))).toBe(0);
    expect(enc.encode(60).overlap(enc.encode(80))).toBe(0);
  });

  it('encode(NaN) gives all zeros (testNaNs)', () => {
    const enc = new ScalarEncoder({ size: 100, activeBits: 10, minimum: 0, maximum: 100 });
    expect(enc.encode(Number.NaN, SDR.fromSparse(100, [5])).getSum()).toBe(0);
  });

  it('clipInput maps inputs below and above the range onto the endpoints (testClipInput)', () => {
    const enc = new ScalarEncoder({ size: 345, sparsity: 0.05, minimum: 0, maximum: 1, clipInput: true });
    expect(enc.encode(0).equals(enc.encode(-1))).toBe(true);
    expect(enc.encode(1).equals(enc.encode(10))).toBe(true);
    expect(enc.encode(-Infinity).equals(enc.encode(0))).toBe(true);
  });

  it('a periodic encoder has even activation frequencies and smooth overlaps (testPeriodic)', () => {
    const enc = new ScalarEncoder({ size: 100, activeBits: 10, minimum: 0, maximum: 20, periodic: true });
    const out = new SDR(enc.size);
    const m = new SDRMetrics(out, 9999);
    for (let i = 0; i < 201 * 10 + 1; i++) enc.encode((i % 201) / 10, out);
    expect(m.sparsity.min()).toBeGreaterThan(0.95 * 0.1);
    expect(m.sparsity.max()).toBeLessThan(1.05 * 0.1);
    expect(m.activationFrequency.min()).toBeGreaterThan(0.9 * 0.1);
    expect(m.activationFrequency.max()).toBeLessThan(1.1 * 0.1);
    expect(m.overlap.min()).toBeGreaterThan(0.85);
  });

  it('encode statistics over a range wider than [minimum, maximum] with clipInput (testStatistics)', () => {
    const enc = new ScalarEncoder({ size: 100, activeBits: 10, minimum: 0, maximum: 20, clipInput: true });
    const out = new SDR(enc.size);
    const m = new SDRMetrics(out, 9999);
    const { minimum, maximum, radius } = enc.parameters;
    const lo = minimum - radius / 2;
    const hi = maximum + radius / 2;
    for (let i = 0; i < 110; i++) enc.encode(lo + ((hi - lo) * i) / 109, out);
    expect(m.sparsity.min()).toBeGreaterThan(0.95 * 0.1);
    expect(m.sparsity.max()).toBeLessThan(1.05 * 0.1);
    expect(m.activationFrequency.min()).toBeGreaterThan(0.5 * 0.1);
    expect(m.activationFrequency.max()).toBeLessThan(1.75 * 0.1);
    expect(m.overlap.min()).toBeGreaterThan(0.85);
  });
});

describe('ScalarEncoder input validation (testBadParameters, testBadEncode)', () => {
  const good = { size: 10, activeBits: 2, minimum: 0, maximum: 1 };

  it('new ScalarEncoder throws for activeBits that do not fit or are missing', () => {
    expect(() => new ScalarEncoder(good)).not.toThrow();
    expect(() => new ScalarEncoder({ ...good, activeBits: 12 })).toThrow(/'activeBits' = 12.*< size = 10/);
    expect(() => new ScalarEncoder({ ...good, activeBits: 10 })).toThrow(/'activeBits'/);
    expect(() => new ScalarEncoder({ ...good, activeBits: 0 })).toThrow(/exactly one of activeBits or sparsity/);
    expect(() => new ScalarEncoder({ ...good, activeBits: 2.5 })).toThrow(/'activeBits'/);
    expect(() => new ScalarEncoder({ ...good, activeBits: -2 })).toThrow(/'activeBits'/);
  });

  it('new ScalarEncoder throws for size 0, maximum <= minimum and non-finite bounds', () => {
    expect(() => new ScalarEncoder({ ...good, activeBits: 1, size: 0 })).toThrow(/exactly one of size, radius, resolution or category/);
    expect(() => new ScalarEncoder({ ...good, maximum: -1 })).toThrow(/'maximum' = -1.*> minimum = 0/);
    expect(() => new ScalarEncoder({ ...good, maximum: 0 })).toThrow(/'maximum'/);
    expect(() => new ScalarEncoder({ ...good, minimum: Number.NaN })).toThrow(/'minimum'/);
    expect(() => new ScalarEncoder({ ...good, maximum: Infinity })).toThrow(/'maximum'/);
  });

  it('new ScalarEncoder throws for sparsity without size, both sparsity and activeBits, or a sparsity rounding to 0', () => {
    expect(() => new ScalarEncoder({ minimum: 0, maximum: 1, sparsity: 0.1, radius: 1 })).toThrow(/only together with size/);
    expect(() => new ScalarEncoder({ ...good, sparsity: 0.2 })).toThrow(/exactly one of activeBits or sparsity/);
    expect(() => new ScalarEncoder({ size: 10, sparsity: 0.01, minimum: 0, maximum: 1 })).toThrow(/round\(size · sparsity\) >= 1/);
    expect(() => new ScalarEncoder({ size: 10, sparsity: 1.5, minimum: 0, maximum: 1 })).toThrow(/'sparsity'/);
  });

  it('new ScalarEncoder throws for incompatible flags', () => {
    expect(() => new ScalarEncoder({ ...good, clipInput: true, periodic: true })).toThrow(/'clipInput'/);
    const cat = { minimum: 0, maximum: 4, activeBits: 2, category: true };
    expect(() => new ScalarEncoder({ ...cat, clipInput: true })).toThrow(/'clipInput'/);
    expect(() => new ScalarEncoder({ ...cat, periodic: true })).toThrow(/'periodic'/);
    expect(() => new ScalarEncoder({ ...cat, minimum: 0.5 })).toThrow(/'minimum'.*unsigned integer/);
    expect(() => new ScalarEncoder({ ...cat, minimum: -1 })).toThrow(/'minimum'/);
    expect(() => new ScalarEncoder({ ...good, periodic: 1 as unknown as boolean })).toThrow(/'periodic'/);
  });

  it('new ScalarEncoder throws when size is given more than once', () => {
    expect(() => new ScalarEncoder({ ...good, radius: 1 })).toThrow(/exactly one of size, radius, resolution or category/);
    expect(() => new ScalarEncoder({ ...good, resolution: 1 })).toThrow(ParameterError);
    expect(() => new ScalarEncoder({ ...good, category: true })).toThrow(ParameterError);
  });

  it('new ScalarEncoder throws for unknown keys, a non-object and a resolution too fine', () => {
    expect(() => new ScalarEncoder({ ...good, activebits: 3 } as unknown as typeof good)).toThrow(/'parameters.activebits'/);
    expect(() => new ScalarEncoder(null as unknown as typeof good)).toThrow(/'parameters'/);
    expect(() => new ScalarEncoder({ minimum: 0, maximum: 1e6, activeBits: 3, resolution: 1e-6 })).toThrow(/'resolution'.*size <=/);
  });

  it('encode throws for an output of another size, a non-number and out-of-range inputs', () => {
    const enc = new ScalarEncoder(good);
    expect(() => enc.encode(0.25, new SDR(10))).not.toThrow();
    expect(() => enc.encode(0.25, new SDR(5))).toThrow(/'output'/);
    expect(() => enc.encode(-0.0001)).toThrow(/'input'/);
    expect(() => enc.encode(1.0001)).toThrow(/'input'/);
    expect(() => enc.encode('0.5' as unknown as number)).toThrow(/'input'/);
    expect(() => enc.encode(Infinity)).toThrow(/'input'/);
  });

  it('nextUp(x) is the next double above x', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(20) > 20).toBe(true);
  });
});
