import { describe, expect, it } from 'vitest';
import { ParameterError, StateError } from '../../../src/core/errors.js';
import { ActivationFrequency, Overlap, SDRMetrics, Sparsity } from '../../../src/sdr/metrics.js';
import { SDR } from '../../../src/sdr/sdr.js';

describe('Sparsity', () => {
  it('Sparsity(sdr, period) tracks min, max, EMA mean and std (htm.core example)', () => {
    const a = new SDR(1000);
    const s = new Sparsity(a, 1000);
    a.randomize(0.01, 1);
    a.randomize(0.15, 2);
    a.randomize(0.05, 3);
    expect(s.sparsity).toBe(0.05);
    expect(s.min()).toBe(0.01);
    expect(s.max()).toBe(0.15);
    expect(s.mean()).toBeCloseTo(0.07, 15);
    // var: 0 -> 0.5(0 + 0.14·0.07) = 0.0049 -> (2/3)(0.0049 + 0.03·0.01) = 0.0034667
    expect(s.std()).toBeCloseTo(Math.sqrt((2 / 3) * 0.0052), 14);
    expect(String(s)).toBe('Sparsity Min/Mean/Std/Max 0.01 / 0.07 / 0.0588784 / 0.15');
    expect(s.samples).toBe(3);
  });

  it('Sparsity(dimensions, period).addData(sdr) is fed by hand', () => {
    const s = new Sparsity([1000], 100);
    expect(Number.isNaN(s.mean())).toBe(true);
    for (let i = 0; i < 3; i++) s.addData(new SDR(1000).randomize(0.1, i));
    expect(s.period).toBe(100);
    expect(s.dimensions).toEqual([1000]);
    expect(s.samples).toBe(3);
    expect(s.min()).toBeCloseTo(0.1, 15);
    expect(s.mean()).toBeCloseTo(0.1, 15);
    expect(s.max()).toBeCloseTo(0.1, 15);
    expect(s.std()).toBe(0);
  });

  it('Sparsity uses alpha = 1/period once samples exceed the period', () => {
    const s = new Sparsity([10], 2);
    const x = new SDR(10);
    for (const k of [0, 0, 10]) s.addData(x.setSparse(Array.from({ length: k }, (_, i) => i)));
    // means: 0, 0, then 0 + (1 - 0)/2
    expect(s.mean()).toBe(0.5);
  });

  it('Sparsity.addData throws when the metric listens to an SDR or for other dimensions', () => {
    const a = new SDR(1000);
    const s = new Sparsity(a, 100);
    expect(() => s.addData(a)).toThrow(StateError);
    const h = new Sparsity([1000], 100);
    expect(() => h.addData(new SDR(999))).toThrow(/'sdr.dimensions'/);
    expect(() => h.addData({} as SDR)).toThrow(ParameterError);
  });

  it('new Sparsity throws for a bad period or source', () => {
    expect(() => new Sparsity([10], 0)).toThrow(/'period'/);
    expect(() => new Sparsity([10], 1.5)).toThrow(/'period'/);
    expect(() => new Sparsity([] as number[], 10)).toThrow(/'source'/);
  });

  it('disconnect() stops listening', () => {
    const a = new SDR(10);
    const s = new Sparsity(a, 10);
    a.setSparse([1]);
    s.disconnect();
    a.setSparse([1, 2]);
    expect(s.samples).toBe(1);
    expect(s.sparsity).toBe(0.1);
  });
});

describe('ActivationFrequency', () => {
  it('ActivationFrequency(sdr, period) averages each bit (htm.core example)', () => {
    const a = new SDR(2);
    const af = new ActivationFrequency(a, 1000);
    a.setDense([0, 0]);
    a.setDense([1, 1]);
    a.setDense([0, 1]);
    expect(af.activationFrequency[0]).toBeCloseTo(1 / 3, 15);
    expect(af.activationFrequency[1]).toBeCloseTo(2 / 3, 15);
    expect(af.min()).toBeCloseTo(1 / 3, 15);
    expect(af.max()).toBeCloseTo(2 / 3, 15);
    expect(af.mean()).toBeCloseTo(0.5, 15);
    expect(af.std()).toBeCloseTo(1 / 6, 15);
    // H(1/3) / H(1/2)
    expect(af.entropy()).toBeCloseTo(-(1 / 3) * Math.log2(1 / 3) - (2 / 3) * Math.log2(2 / 3), 14);
    expect(String(af)).toBe('Activation Frequency Min/Mean/Std/Max 0.333333 / 0.5 / 0.166667 / 0.666667\nEntropy 0.918296');
  });

  it('ActivationFrequency with initialValue uses alpha = 1/period from the first sample', () => {
    const x = new SDR(1);
    const af = new ActivationFrequency(x, 100, 0.02);
    expect(Array.from(af.activationFrequency)).toEqual([0.02]);
    x.setSparse([0]);
    expect(af.samples).toBe(1);
    expect(af.activationFrequency[0]).toBeCloseTo(0.02 * 0.99 + 0.01, 15);
  });

  it('ActivationFrequency.entropy() is 1 for equal use, 0 for an all-zero mean', () => {
    const af = new ActivationFrequency([4], 100);
    af.addData(SDR.fromSparse(4, [0, 1]));
    af.addData(SDR.fromSparse(4, [2, 3]));
    expect(af.entropy()).toBeCloseTo(1, 15);
    const zero = new ActivationFrequency([4], 100);
    zero.addData(new SDR(4));
    expect(zero.entropy()).toBe(0);
  });

  it('new ActivationFrequency throws for initialValue outside [0, 1]', () => {
    expect(() => new ActivationFrequency([4], 10, 1.5)).toThrow(/'initialValue'/);
    expect(() => new ActivationFrequency([4], 10, Number.NaN)).toThrow(/'initialValue'/);
  });
});

describe('Overlap', () => {
  it('Overlap(sdr, period) measures successive overlaps (htm.core example)', () => {
    const a = new SDR(2000);
    const o = new Overlap(a, 1000);
    a.randomize(0.2, 1);
    a.addNoise(0.95, 2); // 5 % overlap
    a.addNoise(0.55, 3); // 45 %
    a.addNoise(0.72, 4); // 28 %
    expect(o.overlap).toBeCloseTo(0.28, 15);
    expect(o.min()).toBeCloseTo(0.05, 15);
    expect(o.max()).toBeCloseTo(0.45, 15);
    expect(o.mean()).toBeCloseTo(0.26, 15);
    expect(o.std()).toBeCloseTo(Math.sqrt((2 / 3) * (0.04 + 0.03 * 0.01)), 14);
    expect(String(o)).toBe('Overlap Min/Mean/Std/Max 0.05 / 0.26 / 0.163911 / 0.45');
    expect(o.samples).toBe(3);
  });

  it('Overlap is 1 for two empty values and normalises by the larger value', () => {
    const o = new Overlap([10], 10);
    o.addData(new SDR(10));
    o.addData(new SDR(10));
    expect(o.overlap).toBe(1);
    o.addData(SDR.fromSparse(10, [1, 2, 3, 4]));
    expect(o.overlap).toBe(0);
    o.addData(SDR.fromSparse(10, [1, 2]));
    expect(o.overlap).toBe(0.5);
  });

  it('Overlap.reset() forgets the previous value (htm.core reset test)', () => {
    const a = new SDR(2000);
    const m = new SDRMetrics(a, 1000);
    a.randomize(0.1, 1);
    a.addNoise(0.1, 2);
    m.reset();
    a.addNoise(1, 3); // changes every bit; after a reset it only primes
    a.addNoise(0.1, 4);
    m.overlap.reset();
    a.addNoise(1, 5);
    a.addNoise(0.1, 6);
    expect(m.overlap.min()).toBeGreaterThanOrEqual(0.89);
    expect(m.overlap.samples).toBe(3);
  });
});

describe('SDRMetrics', () => {
  it('SDRMetrics(sdr, period) bundles the three metrics (htm.core example)', () => {
    const a = new SDR(2000);
    const m = new SDRMetrics(a, 1000);
    a.randomize(0.1, 42);
    for (let i = 0; i < 20; i++) a.addNoise(0.55, 42 + i);
    expect(m.sparsity).toBeInstanceOf(Sparsity);
    expect(m.activationFrequency).toBeInstanceOf(ActivationFrequency);
    expect(m.overlap).toBeInstanceOf(Overlap);
    expect(m.sparsity.mean()).toBeCloseTo(0.1, 14);
    expect(m.sparsity.std()).toBe(0);
    expect(m.overlap.min()).toBeCloseTo(0.45, 15);
    expect(m.overlap.max()).toBeCloseTo(0.45, 15);
    expect(m.activationFrequency.mean()).toBeCloseTo(0.1, 14);
    expect(String(m).split('\n')[0]).toBe('SDR( 2000 )');
    expect(String(m)).toContain('    Overlap Min/Mean/Std/Max 0.45 / 0.45 / 0 / 0.45');
  });

  it('SDRMetrics(dimensions).addData feeds all three; disconnect() detaches a listening one', () => {
    const m = new SDRMetrics([10], 5);
    m.addData(SDR.fromSparse(10, [1]));
    m.addData(SDR.fromSparse(10, [1]));
    expect(m.sparsity.samples).toBe(2);
    expect(m.overlap.overlap).toBe(1);
    const a = new SDR(10);
    const l = new SDRMetrics(a, 5);
    l.disconnect();
    a.setSparse([1]);
    expect(l.sparsity.samples).toBe(0);
  });

  it('new SDRMetrics throws for a bad period', () => {
    expect(() => new SDRMetrics([10], -1)).toThrow(/'period'/);
  });
});
