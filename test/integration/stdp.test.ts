/**
 * STDP through the whole network: spike sources, neurons, the delay ring and the
 * plasticity step together. Postsynaptic spikes are dictated by a "teacher" source whose
 * every spike makes the target neuron fire exactly two steps later (fast synapse, huge
 * weight); the plastic synapses carry weights so small (scale 1e-6 nA per unit amplitude)
 * that they never change when the neuron fires.
 */
import { describe, expect, it } from 'vitest';
import {
  AdditiveWeightDependence,
  IFCondExp,
  IFCurrExp,
  Network,
  SpikeMonitor,
  SpikePairRule,
  SpikeSourceArray,
  SpikeSourcePoisson,
  STDPMechanism,
  TripletRule,
  WeightMonitor,
  allToAll,
  oneToOne,
  uniform,
  type PlasticityRule,
  type TimingDependence,
  type TraceRuleSpec,
} from '../../src/index.js';
import { PAIRING_ORACLE, SMA_PAIR, relErr } from '../unit/synapses/plasticity/oracle.js';

const SCALE = 1e-6;
const unbounded = new AdditiveWeightDependence({ wMin: -Infinity, wMax: Infinity, scale: SCALE });

/** A neuron that fires exactly 2 steps after each teacher spike and never otherwise. */
const FOLLOWER = { tauSynE: 0.01, tauRefrac: 0.1, tauM: 20, cm: 1, vRest: -65, vReset: -65, vThresh: -50 } as const;
const TEACHER_WEIGHT = 5000;

function pairingThroughNetwork(timing: TimingDependence, rho: number, dtMs: number): { dw: number; postTimes: Float64Array } {
  const net = new Network({ dt: 0.1, seed: 1 });
  const period = 1000 / rho;
  const t0 = 20;
  const preTimes = Array.from({ length: 60 }, (_, j) => t0 + j * period);
  // default dendriticDelayFraction 1 and a 0.1 ms delay: the rule sees t_post + 0.1 ms,
  // so the soma fires at pre + dt - 0.1; the follower fires 0.2 ms after its teacher
  const teacherTimes = preTimes.map((t) => t + dtMs - 0.1 - 0.2);
  const pre = net.population(SpikeSourceArray, 1, { params: { spikeTimes: preTimes } });
  const teacher = net.population(SpikeSourceArray, 1, { params: { spikeTimes: teacherTimes } });
  const post = net.population(IFCurrExp, 1, { params: FOLLOWER });
  net.connect(teacher, post, oneToOne(), { weight: TEACHER_WEIGHT });
  const proj = net.connect(pre, post, allToAll(), { weight: 0, plasticity: new STDPMechanism({ timing, weight: unbounded }) });
  expect(proj.direct).toBe(false);
  const spikes = net.add(new SpikeMonitor(post));
  net.run(Math.ceil((t0 + 60 * period + 50) / 10) * 10);
  return { dw: proj.weight[0] / SCALE, postTimes: spikes.spikeTrains()[0] };
}

/** Exact mean drift per second of a trace rule for independent Bernoulli trains on a grid (spike probabilities per step). */
function gridDrift(spec: TraceRuleSpec, pPre: number, pPost: number, dt: number): number {
  const q = (tau: number) => Math.exp(-dt / tau);
  const nearest = spec.interaction === 'nearest';
  // mean trace at an event: including a same-step spike (n >= 0) or strictly earlier ones (n >= 1)
  const incl = (p: number, qq: number) => (nearest ? p / (1 - (1 - p) * qq) : p / (1 - qq));
  const excl = (p: number, qq: number) => (nearest ? (p * qq) / (1 - (1 - p) * qq) : (p * qq) / (1 - qq));
  const onPost = incl(pPre, q(spec.tauPre)) * (spec.postLinear + spec.postTriplet * excl(pPost, q(spec.tauPostSlow))) + spec.postConstant;
  const onPre = excl(pPost, q(spec.tauPost)) * (spec.preLinear + spec.preTriplet * excl(pPre, q(spec.tauPreSlow))) + spec.preConstant;
  return ((pPost * onPost + pPre * onPre) / dt) * 1000;
}

describe('STDP in a network', () => {
  it('network.connect(pre, post, allToAll(), { plasticity }) reproduces the pairing-protocol oracle of theory.md 4.4 (Float32 weights)', () => {
    const cases: Array<[TimingDependence, readonly (readonly [number, number, number])[]]> = [
      [new SpikePairRule(SMA_PAIR), PAIRING_ORACLE.pairAllToAll],
      [new SpikePairRule({ ...SMA_PAIR, interaction: 'nearest' }), PAIRING_ORACLE.pairNearest],
      [TripletRule.fromSet('visualCortexAllToAll'), PAIRING_ORACLE.visualCortexAllToAll],
      [TripletRule.fromSet('visualCortexAllToAllMinimal'), PAIRING_ORACLE.visualCortexAllToAllMinimal],
    ];
    let worst = 0;
    for (const [timing, rows] of cases) {
      for (const [rho, plus, minus] of rows) {
        if (rho < 10) continue; // 0.1 and 1 Hz take 600 s and 60 s of simulation: covered by the unit tests
        for (const [dt, expected] of [[10, plus], [-10, minus]] as const) {
          const { dw, postTimes } = pairingThroughNetwork(timing, rho, dt);
          expect(postTimes.length).toBe(60);
          const err = relErr(dw, expected);
          worst = Math.max(worst, err);
          // Float32 weights: accumulated rounding of 120 updates stays below 1e-5 of the total
          expect(err, `${timing.kind} rho ${rho} dt ${dt}: ${dw} vs ${expected}`).toBeLessThan(1e-5);
        }
      }
    }
    console.log(`pairing protocol through the network: worst relative error ${worst.toExponential(2)}`);
  });

  it('STDPMechanism under independent Poisson trains in a network drifts at the exact mean rate for the grid (Monte-Carlo)', () => {
    const dt = 0.1;
    // Tolerances: 4.5 standard deviations of this estimate, measured over 6 seeds (the
    // mean over seeds of network - continuous formula for the pair all-to-all case was
    // +4.8e-4 +- 0.7e-4, the grid correction rhoPre rhoPost (A+ + A-) dt/2 = +4.1e-4).
    const cases: Array<[string, TimingDependence, number, number, number]> = [
      ['pair all-to-all', new SpikePairRule(SMA_PAIR), 20, 40, 7.5e-4],
      ['pair nearest', new SpikePairRule({ ...SMA_PAIR, interaction: 'nearest' }), 20, 40, 1.2e-3],
      ['triplet visual cortex', TripletRule.fromSet('visualCortexAllToAll'), 40, 40, 1.35e-2],
      ['triplet hippocampal nearest', TripletRule.fromSet('hippocampalNearest'), 10, 10, 8e-4],
    ];
    for (const [name, timing, rhoPre, rhoPost, tol] of cases) {
      const net = new Network({ dt, seed: 11 });
      const nPre = 100;
      const nPost = 10;
      const pre = net.population(SpikeSourcePoisson, nPre, { params: { rate: rhoPre } });
      const teacher = net.population(SpikeSourcePoisson, nPost, { params: { rate: rhoPost } });
      const post = net.population(IFCurrExp, nPost, { params: FOLLOWER });
      net.connect(teacher, post, oneToOne(), { weight: TEACHER_WEIGHT });
      const proj = net.connect(pre, post, allToAll(), { weight: 0, plasticity: new STDPMechanism({ timing, weight: unbounded }) });
      const burnIn = 1000;
      const duration = 20_000;
      net.run(burnIn);
      const w0 = proj.weight.slice();
      const preSpikes = net.add(new SpikeMonitor(pre, { record: false }));
      const postSpikes = net.add(new SpikeMonitor(post, { record: false }));
      net.run(duration);
      let sum = 0;
      for (let s = 0; s < proj.size; s++) sum += proj.weight[s] - w0[s];
      const drift = sum / proj.size / SCALE / (duration / 1000);
      const steps = duration / dt;
      const pPre = preSpikes.numSpikes / nPre / steps;
      const pPost = postSpikes.numSpikes / nPost / steps;
      const grid = gridDrift(timing.traces, pPre, pPost, dt);
      const continuous = (timing as unknown as { meanDrift(a: number, b: number): number }).meanDrift((pPre / dt) * 1000, (pPost / dt) * 1000);
      console.log(`${name}: network drift ${drift.toExponential(4)} /s; exact on the 0.1 ms grid ${grid.toExponential(4)}; continuous-time formula ${continuous.toExponential(4)}`);
      expect(Math.abs(drift - grid), name).toBeLessThan(tol);
    }
  });

  it('a plastic network with the same seed gives identical weights, and a run split in two equals one run', () => {
    const build = () => {
      const net = new Network({ dt: 0.1, seed: 42 });
      const inputs = net.population(SpikeSourcePoisson, 200, { params: { rate: 15 } });
      const neurons = net.population(IFCondExp, 5, { params: { cm: 10, tauM: 10, vRest: -74, vReset: -60, vThresh: -54, tauRefrac: 0, tauSynE: 5 } });
      const rule = new STDPMechanism({
        timing: new SpikePairRule({ aPlus: 0.01, aMinus: 0.0105 }),
        weight: new AdditiveWeightDependence({ wMin: 0, wMax: 0.05 }),
      });
      const proj = net.connect(inputs, neurons, allToAll(), { weight: uniform(0, 0.05), plasticity: rule });
      return { net, proj };
    };
    const a = build();
    a.net.run(2000);
    const b = build();
    b.net.run(1000);
    b.net.run(1000);
    const c = build();
    c.net.run(2000);
    expect(Array.from(b.proj.weight)).toEqual(Array.from(a.proj.weight));
    expect(Array.from(c.proj.weight)).toEqual(Array.from(a.proj.weight));
    expect(a.proj.plasticity!.updates).toBeGreaterThan(0);
    let changed = 0;
    const d = build();
    for (let s = 0; s < d.proj.size; s++) if (d.proj.weight[s] !== a.proj.weight[s]) changed++;
    expect(changed).toBeGreaterThan(d.proj.size / 2);
    for (const w of a.proj.weight) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(0.05);
    }
  });

  it('network.connect with a bad plasticity option throws a ParameterError and adds nothing; static projections stay direct', () => {
    const net = new Network({ dt: 0.1 });
    const pre = net.population(SpikeSourcePoisson, 4, { params: { rate: 10 } });
    const post = net.population(IFCurrExp, 2);
    const rule = new STDPMechanism({ timing: new SpikePairRule(), weight: new AdditiveWeightDependence({ wMin: 0, wMax: 1 }) });
    const expectError = (f: () => unknown, name: string) => {
      try {
        f();
        expect.unreachable(name);
      } catch (e) {
        expect((e as { parameter?: string }).parameter).toBe(name);
      }
    };
    expectError(() => net.connect(pre, post, allToAll(), { weight: 0.5, plasticity: {} as never }), 'plasticity');
    expectError(() => net.connect(pre, post, allToAll(), { weight: 1.5, plasticity: rule }), 'weight');
    expectError(() => net.connect(pre, post, allToAll(), { weight: 1.5, delay: uniform(0.1, 2), plasticity: rule }), 'weight');
    expect(net.projections).toHaveLength(0);
    const stat = net.connect(pre, post, allToAll(), { weight: 0.5 });
    expect(stat.direct).toBe(true);
    expect(stat.plasticity).toBeNull();
    const plastic = net.connect(pre, post, allToAll(), { weight: 0.5, delay: 1, plasticity: rule });
    expect(plastic.direct).toBe(false);
    expect(plastic.plasticity!.rule).toBe(rule);
    net.run(100);
    expect(plastic.plasticity!.updates).toBeGreaterThan(0);
  });

  it('WeightMonitor on a plastic projection records the weights the rule writes', () => {
    const net = new Network({ dt: 0.1, seed: 3 });
    const pre = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [10] } });
    const teacher = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [19.7] } });
    const post = net.population(IFCurrExp, 1, { params: FOLLOWER });
    net.connect(teacher, post, oneToOne(), { weight: TEACHER_WEIGHT });
    const rule: PlasticityRule = new STDPMechanism({
      timing: new SpikePairRule({ aPlus: 0.01, aMinus: 0.01 }),
      weight: new AdditiveWeightDependence({ wMin: 0, wMax: 1 }),
    });
    const proj = net.connect(pre, post, allToAll(), { weight: 0.5, plasticity: rule });
    const wm = net.add(new WeightMonitor(proj, { interval: 5 }));
    net.run(30);
    // post at 19.9 ms, seen at 20.0 ms: dt = 10 ms after the pre spike at 10 ms
    const expected = Math.fround(0.5 + 0.01 * Math.exp(-10 / 20));
    expect(Array.from(wm.times)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(Array.from(wm.trace(0))).toEqual([0.5, 0.5, 0.5, 0.5, expected, expected]);
    expect(proj.weight[0]).toBe(expected);
  });
});
