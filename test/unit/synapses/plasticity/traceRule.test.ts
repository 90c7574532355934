import { describe, expect, it } from 'vitest';
import { SpikePairRule } from '../../../../src/synapses/plasticity/spikePairRule.js';
import { pairWindow } from '../../../../src/synapses/plasticity/traceRule.js';
import { TripletRule } from '../../../../src/synapses/plasticity/tripletRule.js';

describe('pairWindow', () => {
  it('pairWindow(new SpikePairRule(p).traces, dt) is A+ exp(-dt/tau+) for dt >= 0 and -A- exp(dt/tau-) for dt < 0', () => {
    const r = new SpikePairRule({ aPlus: 0.005, aMinus: 0.00525, tauPlus: 16.8, tauMinus: 33.7 });
    for (const dt of [0, 1, 10, 100]) expect(pairWindow(r.traces, dt)).toBeCloseTo(0.005 * Math.exp(-dt / 16.8), 16);
    for (const dt of [-0.1, -10, -100]) expect(pairWindow(r.traces, dt)).toBeCloseTo(-0.00525 * Math.exp(dt / 33.7), 16);
  });

  it('pairWindow(new TripletRule(p).traces, dt) is the pair part of the triplet rule for an isolated pair', () => {
    const r = TripletRule.fromSet('hippocampalNearest');
    expect(pairWindow(r.traces, 10)).toBeCloseTo(4.6e-3 * Math.exp(-10 / 16.8), 16);
    expect(pairWindow(r.traces, -10)).toBeCloseTo(-3e-3 * Math.exp(-10 / 33.7), 16);
  });
});
