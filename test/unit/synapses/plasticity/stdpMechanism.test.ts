import { describe, expect, it } from 'vitest';
import { SpikePairRule } from '../../../../src/synapses/plasticity/spikePairRule.js';
import { STDPMechanism, StdpDelayGroups, StdpState, delayGroups } from '../../../../src/synapses/plasticity/stdpMechanism.js';
import { TripletRule } from '../../../../src/synapses/plasticity/tripletRule.js';
import { AdditiveWeightDependence, GutigWeightDependence } from '../../../../src/synapses/plasticity/weightDependence.js';
import { FakeGroup, bindAllToAll, drive } from './harness.js';
import { expectParameterError } from '../../../fixtures/parameterError.js';

const unbounded = new AdditiveWeightDependence({ wMin: -Infinity, wMax: Infinity, scale: 1 });
const pair = new SpikePairRule({ aPlus: 0.01, aMinus: 0.02, tauPlus: 20, tauMinus: 10 });

/** Change of one synapse when pre and post fire once, at emission steps kPre and kPost, delay d steps. */
function onePair(f: number, d: number, kPre: number, kPost: number): number {
  const bound = bindAllToAll(new STDPMechanism({ timing: pair, weight: unbounded, dendriticDelayFraction: f }), 1, 1, { delaySteps: d });
  drive(bound, { pre: [[kPre, 0]], post: [[kPost, 0]] }, d);
  return bound.weight[0];
}

describe('STDPMechanism', () => {
  it('new STDPMechanism({ timing, weight }) defaults dendriticDelayFraction to 1 and lists its parameters', () => {
    const m = new STDPMechanism({ timing: pair, weight: unbounded });
    expect(m.dendriticDelayFraction).toBe(1);
    expect(m.kind).toBe('STDPMechanism');
    expect(m.params).toMatchObject({ timing: { kind: 'SpikePairRule', aPlus: 0.01 }, weight: { kind: 'AdditiveWeightDependence' }, dendriticDelayFraction: 1 });
  });

  it('new STDPMechanism({...}) with a missing or bad part throws a ParameterError naming it', () => {
    expectParameterError(() => new STDPMechanism({ weight: unbounded } as never), 'timing');
    expectParameterError(() => new STDPMechanism({ timing: {}, weight: unbounded } as never), 'timing');
    expectParameterError(() => new STDPMechanism({ timing: pair } as never), 'weight');
    expectParameterError(() => new STDPMechanism({ timing: pair, weight: pair } as never), 'weight');
    expectParameterError(() => new STDPMechanism({ timing: pair, weight: unbounded, dendriticDelayFraction: 1.5 }), 'dendriticDelayFraction');
    expectParameterError(() => new STDPMechanism({ timing: pair, weight: unbounded, dendriticDelayFraction: NaN }), 'dendriticDelayFraction');
    expectParameterError(() => new STDPMechanism({ timing: pair, weight: unbounded, delay: 1 } as never), 'options.delay');
    expectParameterError(() => new STDPMechanism(null as never), 'options');
  });

  it('STDPMechanism with spikes in the same effective step applies the pre event first: the pair potentiates by A+', () => {
    // f = 0.5 with an even delay: dt measured between somatic spikes
    expect(onePair(0.5, 2, 100, 100)).toBeCloseTo(0.01, 15);
  });

  it('STDPMechanism shifts dt by dDend - dAx: dendriticDelayFraction 1 sees t_post + d - t_pre, 0 sees t_post - t_pre - d', () => {
    const d = 4; // steps of 0.1 ms
    // synchronous somatic spikes
    expect(onePair(1, d, 100, 100)).toBeCloseTo(0.01 * Math.exp(-0.4 / 20), 14); // dt = +0.4 ms: potentiation
    expect(onePair(0, d, 100, 100)).toBeCloseTo(-0.02 * Math.exp(-0.4 / 10), 14); // dt = -0.4 ms: depression
    expect(onePair(0.5, d, 100, 100)).toBeCloseTo(0.01, 14); // dt = 0
    // post 10 ms after pre
    expect(onePair(1, d, 100, 200)).toBeCloseTo(0.01 * Math.exp(-10.4 / 20), 14);
    expect(onePair(0, d, 100, 200)).toBeCloseTo(0.01 * Math.exp(-9.6 / 20), 14);
    // odd delay, f = 0.5: dDend = round(1.5) = 2, dAx = 1, dt shifted by +1 step
    expect(onePair(0.5, 3, 100, 100)).toBeCloseTo(0.01 * Math.exp(-0.1 / 20), 14);
    const b = bindAllToAll(new STDPMechanism({ timing: pair, weight: unbounded, dendriticDelayFraction: 0.25 }), 1, 1, { delaySteps: 8 });
    expect(b.state).toBeInstanceOf(StdpState);
    expect((b.state as StdpState).dendriticDelaySteps).toBe(2);
    expect((b.state as StdpState).axonalDelaySteps).toBe(6);
  });

  it('STDPMechanism with a triplet rule uses the slow trace before its own spike increment (t - e)', () => {
    // only the triplet potentiation term: dw = r1(t) A3+ o2(t - e)
    const timing = new TripletRule({ a2Plus: 0, a3Plus: 1, a2Minus: 0, a3Minus: 0, tauPlus: 20, tauY: 50 });
    const bound = bindAllToAll(new STDPMechanism({ timing, weight: unbounded, dendriticDelayFraction: 0.5 }), 1, 1, { delaySteps: 2 });
    drive(bound, { pre: [[0, 0]], post: [[100, 0]] }, 1);
    expect(bound.weight[0]).toBe(0); // first post spike: o2 = 0 before its own increment
    drive(bound, { pre: [], post: [[200, 0]] }, 1);
    expect(bound.weight[0]).toBeCloseTo(Math.exp(-20 / 20) * Math.exp(-10 / 50), 14);
    const state = bound.state as StdpState;
    // delay 2, f = 0.5: the rule sees each spike one step after emission (effective step k + 1)
    const [o1, o2] = state.postTraces(0, 201);
    expect(o1).toBeCloseTo(1 + Math.exp(-10 / 33.7), 14);
    expect(o2).toBeCloseTo(1 + Math.exp(-10 / 50), 14);
    expect(state.preTraces(0, 301)[0]).toBeCloseTo(Math.exp(-30 / 20), 14);
  });

  it('STDPMechanism with interaction nearest resets traces to 1: only the last partner spike counts', () => {
    const nn = new SpikePairRule({ aPlus: 0.01, aMinus: 0.02, interaction: 'nearest' });
    const bound = bindAllToAll(new STDPMechanism({ timing: nn, weight: unbounded, dendriticDelayFraction: 0.5 }), 1, 1, { delaySteps: 2 });
    drive(bound, { pre: [[0, 0], [50, 0]], post: [[100, 0]] }, 1);
    expect(bound.weight[0]).toBeCloseTo(0.01 * Math.exp(-5 / 20), 15);
  });

  it('STDPMechanism counts one update per synapse touched by an event', () => {
    const bound = bindAllToAll(new STDPMechanism({ timing: pair, weight: unbounded }), 3, 4);
    drive(bound, { pre: [[10, 0], [10, 2]], post: [[20, 1]] }, 1);
    expect(bound.state.updates).toBe(2 * 4 + 3);
  });

  it('STDPMechanism.bind rejects weights outside the bounds and wMin < 0 on conductance targets, with one delay or per-synapse delays', () => {
    const rule = new STDPMechanism({ timing: pair, weight: new AdditiveWeightDependence({ wMin: 0, wMax: 0.5 }) });
    const pre = new FakeGroup('pre', 2);
    const post = new FakeGroup('post', 1);
    const base = { label: 'p', pre, post, rowPtr: Uint32Array.of(0, 1, 2), target: Uint32Array.of(0, 0), constantDelay: 1, delay: null };
    expect(rule.bind({ ...base, weight: Float32Array.of(0.1, 0.2), delay: Uint8Array.of(1, 2), constantDelay: -1 }, 0.1)).toBeInstanceOf(StdpDelayGroups);
    expectParameterError(() => rule.bind({ ...base, weight: Float32Array.of(0.1, 0.6), delay: Uint8Array.of(1, 2), constantDelay: -1 }, 0.1), 'weight');
    const e = expectParameterError(() => rule.bind({ ...base, weight: Float32Array.of(0.1, 0.6) }, 0.1), 'weight');
    expect(e.message).toMatch(/synapse 1/);
    expectParameterError(() => rule.bind({ ...base, weight: Float32Array.of(-0.1, 0.2) }, 0.1), 'weight');
    const cond = { ...base, post: Object.assign(new FakeGroup('post', 1), { model: { synapseKind: 'conductance' } }) };
    const negative = new STDPMechanism({ timing: pair, weight: new AdditiveWeightDependence({ wMin: -1, wMax: 1 }) });
    expectParameterError(() => negative.bind({ ...cond, weight: Float32Array.of(0, 0) }, 0.1), 'wMin');
    // a weight equal to wMax after Float32 rounding is accepted and kept inside the bounds
    const w = Float32Array.of(Math.fround(0.3), 0.2);
    const tight = new STDPMechanism({ timing: pair, weight: new GutigWeightDependence({ wMin: 0, wMax: 0.3 }) });
    tight.bind({ ...base, weight: w }, 0.1);
    expect(w[0]).toBeLessThanOrEqual(0.3);
  });

  it('STDPMechanism.bind gives each projection its own state: one rule object can serve several projections', () => {
    const rule = new STDPMechanism({ timing: pair, weight: unbounded, dendriticDelayFraction: 0.5 });
    const a = bindAllToAll(rule, 1, 1, { delaySteps: 2 });
    const b = bindAllToAll(rule, 1, 1, { delaySteps: 2 });
    drive(a, { pre: [[10, 0]], post: [[20, 0]] }, 1);
    expect(a.weight[0]).toBeCloseTo(0.01 * Math.exp(-1 / 20), 15);
    expect(b.weight[0]).toBe(0);
    expect(b.state.updates).toBe(0);
  });

  it('delayGroups(rowPtr, target, delay) splits the rows by delay, ascending, naming each synapse by its projection id', () => {
    // pre 0 -> post 0 (d 2), post 1 (d 1); pre 1 -> post 0 (d 2); pre 2 -> post 1 (d 1), post 2 (d 2)
    const groups = delayGroups(Uint32Array.of(0, 2, 3, 5), Uint32Array.of(0, 1, 0, 1, 2), Uint8Array.of(2, 1, 2, 1, 2));
    expect(groups.map((g) => g.delay)).toEqual([1, 2]);
    expect(Array.from(groups[0].rowPtr)).toEqual([0, 1, 1, 2]);
    expect(Array.from(groups[0].target)).toEqual([1, 1]);
    expect(Array.from(groups[0].synapseIds)).toEqual([1, 3]);
    expect(Array.from(groups[1].rowPtr)).toEqual([0, 1, 2, 3]);
    expect(Array.from(groups[1].target)).toEqual([0, 0, 2]);
    expect(Array.from(groups[1].synapseIds)).toEqual([0, 2, 4]);
  });
});
