/**
 * Every public constructor and factory fed nonsense throws a ParameterError whose
 * `.parameter` names the offending parameter, where the user errs, and leaves nothing
 * half-built behind.
 */
import { describe, expect, it } from 'vitest';
import {
  ACSource,
  DCSource,
  IFCurrExp,
  Network,
  NoisyCurrentSource,
  PopulationRateMonitor,
  SpikeMonitor,
  SpikeSourcePoisson,
  StateMonitor,
  StepCurrentSource,
  allToAll,
  fixedNumberPost,
  fixedNumberPre,
  fixedProbability,
  fromList,
  normal,
  normalClipped,
  uniform,
  exponential,
  type Population,
} from '../../src/index.js';
import { paramError } from '../fixtures/parameterError.js';

function world() {
  const net = new Network({ dt: 0.1, seed: 1 });
  const a = net.population(IFCurrExp, 10, { label: 'a' });
  const b = net.population(IFCurrExp, 5, { label: 'b' });
  const other = new Network().population(IFCurrExp, 10, { label: 'a' });
  return { net, a, b, other };
}

type Case = readonly [string, (w: ReturnType<typeof world>) => unknown, string];

const cases: Case[] = [
  ['new Network({ dt: -1 })', () => new Network({ dt: -1 }), 'dt'],
  ['new Network({ dt: NaN })', () => new Network({ dt: NaN }), 'dt'],
  ['new Network({ dt: 0 })', () => new Network({ dt: 0 }), 'dt'],
  ['new Network({ dt: "0.1" })', () => new Network({ dt: '0.1' as never }), 'dt'],
  ['new Network({ seed: -3 })', () => new Network({ seed: -3 }), 'seed'],
  ['new Network({ seed: 0.5 })', () => new Network({ seed: 0.5 }), 'seed'],
  ['new Network({ backend: "x" })', () => new Network({ backend: 'x' as never }), 'backend'],
  ['new Network({ gpu: { mode: "x" } })', () => new Network({ backend: 'gpu', gpu: { mode: 'x' as never } }), 'gpu.mode'],
  ['new Network({ gpu: { gather: 3 } })', () => new Network({ backend: 'gpu', gpu: { gather: 3 as never } }), 'gpu.gather'],
  ['new Network({ bogus: 1 })', () => new Network({ bogus: 1 } as never), 'options.bogus'],
  ['new Network("fast")', () => new Network('fast' as never), 'options'],

  ['network.population(IFCurrExp, 0)', ({ net }) => net.population(IFCurrExp, 0), 'size'],
  ['network.population(IFCurrExp, 1.5)', ({ net }) => net.population(IFCurrExp, 1.5), 'size'],
  ['network.population(IFCurrExp, -1)', ({ net }) => net.population(IFCurrExp, -1), 'size'],
  ['network.population(IFCurrExp, NaN)', ({ net }) => net.population(IFCurrExp, NaN), 'size'],
  ['network.population({}, 10)', ({ net }) => net.population({} as never, 10), 'model'],
  ['network.population(IFCurrExp, 10, { params: { tau_m: 20 } })', ({ net }) => net.population(IFCurrExp, 10, { params: { tau_m: 20 } as never }), 'params.tau_m'],
  ['network.population(IFCurrExp, 10, { colour: "red" })', ({ net }) => net.population(IFCurrExp, 10, { colour: 'red' } as never), 'options.colour'],
  ['network.population(IFCurrExp, 10, { initial: { w: 0 } })', ({ net }) => net.population(IFCurrExp, 10, { initial: { w: 0 } }), 'variable'],
  ['network.population(IFCurrExp, 10, { initial: { v: [1, 2] } })', ({ net }) => net.population(IFCurrExp, 10, { initial: { v: [1, 2] } }), 'v'],

  ['IFCurrExp tauM: -1', ({ net }) => net.population(IFCurrExp, 1, { params: { tauM: -1 } }), 'tauM'],
  ['IFCurrExp tauM: NaN', ({ net }) => net.population(IFCurrExp, 1, { params: { tauM: NaN } }), 'tauM'],
  ['IFCurrExp tauM: 0', ({ net }) => net.population(IFCurrExp, 1, { params: { tauM: 0 } }), 'tauM'],
  ['IFCurrExp tauSynE: -5', ({ net }) => net.population(IFCurrExp, 1, { params: { tauSynE: -5 } }), 'tauSynE'],
  ['IFCurrExp tauSynI: NaN', ({ net }) => net.population(IFCurrExp, 1, { params: { tauSynI: NaN } }), 'tauSynI'],
  ['IFCurrExp tauRefrac: -0.1', ({ net }) => net.population(IFCurrExp, 1, { params: { tauRefrac: -0.1 } }), 'tauRefrac'],
  ['IFCurrExp tauRefrac: Infinity', ({ net }) => net.population(IFCurrExp, 1, { params: { tauRefrac: Infinity } }), 'tauRefrac'],
  ['IFCurrExp cm: 0', ({ net }) => net.population(IFCurrExp, 1, { params: { cm: 0 } }), 'cm'],
  ['IFCurrExp vRest: NaN', ({ net }) => net.population(IFCurrExp, 1, { params: { vRest: NaN } }), 'vRest'],
  ['IFCurrExp iOffset: Infinity', ({ net }) => net.population(IFCurrExp, 1, { params: { iOffset: Infinity } }), 'iOffset'],
  ['IFCurrExp vReset = vThresh', ({ net }) => net.population(IFCurrExp, 1, { params: { vReset: -50, vThresh: -50 } }), 'vReset'],
  ['IFCurrExp vReset > vThresh', ({ net }) => net.population(IFCurrExp, 1, { params: { vReset: -40 } }), 'vReset'],
  ['population.setParameters({ tauM: -1 })', ({ a }) => a.setParameters({ tauM: -1 }), 'tauM'],
  ['population.setParameters({ bogus: 1 })', ({ a }) => a.setParameters({ bogus: 1 } as never), 'bogus'],
  ['population.get("w")', ({ a }) => a.get('w'), 'variable'],
  ['population.setIOffset([1, 2])', ({ a }) => a.setIOffset([1, 2]), 'iOffset'],

  ['fixedProbability(1.5)', () => fixedProbability(1.5), 'p'],
  ['fixedProbability(-0.1)', () => fixedProbability(-0.1), 'p'],
  ['fixedProbability(NaN)', () => fixedProbability(NaN), 'p'],
  ['fixedNumberPre(2.5)', () => fixedNumberPre(2.5), 'k'],
  ['fixedNumberPre(-1)', () => fixedNumberPre(-1), 'k'],
  ['fixedNumberPost(0.5)', () => fixedNumberPost(0.5), 'k'],
  ['fixedNumberPre(11) at connect from 10 neurons', ({ net, a, b }) => net.connect(a, b, fixedNumberPre(11), { weight: 1 }), 'k'],
  ['fixedNumberPost(6) at connect to 5 neurons', ({ net, a, b }) => net.connect(a, b, fixedNumberPost(6), { weight: 1 }), 'k'],
  ['fromList([[0, 5]]) at connect to 5 neurons', ({ net, a, b }) => net.connect(a, b, fromList([[0, 5]]), { weight: 1 }), 'list[0].post'],

  ['network.connect(population of another network, b)', ({ net, other, b }) => net.connect(other, b, allToAll(), { weight: 1 }), 'pre'],
  ['network.connect(a, population of another network)', ({ net, a, other }) => net.connect(a, other, allToAll(), { weight: 1 }), 'post'],
  ['network.connect({}, b)', ({ net, b }) => net.connect({} as Population<object>, b, allToAll(), { weight: 1 }), 'pre'],
  ['network.connect(undefined, b)', ({ net, b }) => net.connect(undefined as never, b, allToAll(), { weight: 1 }), 'pre'],
  ['network.connect(a, b, "allToAll")', ({ net, a, b }) => net.connect(a, b, 'allToAll' as never, { weight: 1 }), 'connector'],
  ['network.connect(a, b, c, { weigth: 1 })', ({ net, a, b }) => net.connect(a, b, allToAll(), { weigth: 1 } as never), 'options.weigth'],
  ['network.connect(a, b, c, { delay: 0.05 }) with dt 0.1', ({ net, a, b }) => net.connect(a, b, allToAll(), { weight: 1, delay: 0.05 }), 'delay'],
  ['network.connect(a, b, c, { delay: NaN })', ({ net, a, b }) => net.connect(a, b, allToAll(), { weight: 1, delay: NaN }), 'delay'],
  ['network.connect(a, b, c, { receptor: "x" })', ({ net, a, b }) => net.connect(a, b, allToAll(), { weight: 1, receptor: 'x' as never }), 'receptor'],
  ['network.connect(a, b, c) without weight', ({ net, a, b }) => net.connect(a, b, allToAll()), 'weight'],
  ['network.connect(a, b, c, { weight: NaN })', ({ net, a, b }) => net.connect(a, b, allToAll(), { weight: NaN }), 'weight'],

  ['new DCSource({ amplitude: NaN })', () => new DCSource({ amplitude: NaN }), 'amplitude'],
  ['new DCSource({ amplitude: "1" })', () => new DCSource({ amplitude: '1' as never }), 'amplitude'],
  ['new DCSource(undefined)', () => new DCSource(undefined as never), 'amplitude'],
  ['new DCSource({ start: 10, stop: 5 })', () => new DCSource({ amplitude: 1, start: 10, stop: 5 }), 'stop'],
  ['new DCSource({ start: -1 })', () => new DCSource({ amplitude: 1, start: -1 }), 'start'],
  ['new StepCurrentSource(unsorted times)', () => new StepCurrentSource({ times: [1, 3, 2], amplitudes: [1, 1, 1] }), 'times[2]'],
  ['new StepCurrentSource(repeated times)', () => new StepCurrentSource({ times: [1, 1], amplitudes: [1, 2] }), 'times[1]'],
  ['new StepCurrentSource(fewer amplitudes)', () => new StepCurrentSource({ times: [1, 2], amplitudes: [1] }), 'amplitudes'],
  ['new StepCurrentSource(NaN amplitude)', () => new StepCurrentSource({ times: [1], amplitudes: [NaN] }), 'amplitudes[0]'],
  ['new ACSource({ frequency: -1 })', () => new ACSource({ amplitude: 1, frequency: -1 }), 'frequency'],
  ['new ACSource({ stop < start })', () => new ACSource({ amplitude: 1, frequency: 1, start: 5, stop: 1 }), 'stop'],
  ['new NoisyCurrentSource({ stdev: -1 })', () => new NoisyCurrentSource({ mean: 0, stdev: -1 }), 'stdev'],
  ['new NoisyCurrentSource({ dt: 0 })', () => new NoisyCurrentSource({ mean: 0, stdev: 1, dt: 0 }), 'dt'],
  ['network.inject(NoisyCurrentSource({ dt: 0.25 })) with dt 0.1', ({ net, a }) => net.inject(new NoisyCurrentSource({ mean: 0, stdev: 1, dt: 0.25 }), a), 'dt'],
  ['network.inject(source, a, [10]) on 10 neurons', ({ net, a }) => net.inject(new DCSource({ amplitude: 1 }), a, [10]), 'Network.inject.indices[0]'],
  ['network.inject("dc", a)', ({ net, a }) => net.inject('dc' as never, a), 'source'],

  ['new StateMonitor(a, ["u"])', ({ a }) => new StateMonitor(a, ['u']), 'variables'],
  ['new StateMonitor(a, ["v"], { interval: 0 })', ({ a }) => new StateMonitor(a, ['v'], { interval: 0 }), 'interval'],
  ['network.add(new StateMonitor(a, ["v"], { interval: 0.15 })) with dt 0.1', ({ net, a }) => net.add(new StateMonitor(a, ['v'], { interval: 0.15 })), 'interval'],
  ['new SpikeMonitor(a, { indices: [10] }) on 10 neurons', ({ a }) => new SpikeMonitor(a, { indices: [10] }), 'SpikeMonitor.indices[0]'],
  ['new SpikeMonitor(a, { indices: [-1] })', ({ a }) => new SpikeMonitor(a, { indices: [-1] }), 'SpikeMonitor.indices[0]'],
  ['network.add(monitor of a population of another network)', ({ net, other }) => net.add(new PopulationRateMonitor(other)), 'monitor.population'],
  ['network.add({})', ({ net }) => net.add({} as never), 'monitor'],

  ['network.run(-1)', ({ net }) => net.run(-1), 'duration'],
  ['network.run(0.05) with dt 0.1', ({ net }) => net.run(0.05), 'duration'],
  ['network.run(Infinity)', ({ net }) => net.run(Infinity), 'duration'],
  ['network.run(1, { onProgres: f })', ({ net }) => net.run(1, { onProgres: () => {} } as never), 'options.onProgres'],
  ['network.getPopulation("zzz")', ({ net }) => net.getPopulation('zzz'), 'label'],

  ['uniform(2, 1)', () => uniform(2, 1), 'high'],
  ['normal(0, -1)', () => normal(0, -1), 'sigma'],
  ['normalClipped(0, 1, 2, 1)', () => normalClipped(0, 1, 2, 1), 'high'],
  ['normalClipped(0, 1, 100, 200) (bounds beyond 8 sigma)', () => normalClipped(0, 1, 100, 200), 'low/high'],
  ['exponential(-2)', () => exponential(-2), 'mean'],
  ['SpikeSourcePoisson rate: -5', ({ net }) => net.population(SpikeSourcePoisson, 2, { params: { rate: -5 } }), 'rate'],
];

describe('public constructors and factories fed nonsense', () => {
  it.each(cases)('%s throws a ParameterError naming the parameter', (_name, thunk, parameter) => {
    const e = paramError(() => thunk(world()));
    expect(e.parameter).toBe(parameter);
    // The message carries the parameter's name, the value received and what is allowed.
    expect(e.message).toContain(`'${parameter}'`);
    expect(e.message).toContain('allowed: ');
    expect(e.allowed.length).toBeGreaterThan(0);
  });
});

describe('nothing half-built is left behind', () => {
  it('a failed network.connect(...) leaves the network unchanged: projections, synapse count, rings and random streams', () => {
    const make = () => {
      const net = new Network({ seed: 3 });
      const a = net.population(IFCurrExp, 50, { label: 'a' });
      const b = net.population(IFCurrExp, 40, { label: 'b' });
      net.connect(a, b, fixedProbability(0.1), { weight: 0.1 });
      return { net, a, b };
    };
    const { net, a, b } = make();
    const before = { projections: net.projections.length, synapses: net.synapseCount, ring: b.ring?.slots ?? 0 };
    const failures: Array<() => unknown> = [
      () => net.connect(a, b, fixedNumberPre(51), { weight: 0.1, delay: 20 }),
      () => net.connect(a, b, fromList([[0, 0, 1, 5.0], [0, 1, 1, 9.0], [60, 0]]), { weight: 0.1 }),
      () => net.connect(a, b, fixedProbability(0.5), { weight: [1, 2, 3], delay: uniform(1, 20) }),
      () => net.connect(a, b, fixedProbability(0.5), { weight: 0.1, delay: uniform(0.01, 20) }),
      () => net.connect(a, b, fixedProbability(0.5), { weight: 0.1, delay: 10, receptor: 'x' as never }),
    ];
    for (const f of failures) {
      paramError(f);
      expect(net.projections.length).toBe(before.projections);
      expect(net.synapseCount).toBe(before.synapses);
      expect(b.ring?.slots ?? 0).toBe(before.ring);
    }
    // The next projection is the one a network that never saw the failures would make.
    const clean = make();
    const p1 = net.connect(a, b, fixedProbability(0.2), { weight: uniform(0, 1), delay: uniform(0.1, 2) });
    const p2 = clean.net.connect(clean.a, clean.b, fixedProbability(0.2), { weight: uniform(0, 1), delay: uniform(0.1, 2) });
    expect(p1.target).toEqual(p2.target);
    expect(p1.weight).toEqual(p2.weight);
    expect(p1.delay).toEqual(p2.delay);
  });

  it('a failed network.population(...) adds no population and no label', () => {
    const net = new Network();
    net.population(IFCurrExp, 3);
    paramError(() => net.population(IFCurrExp, 3, { params: { tauM: -1 }, label: 'x' }));
    paramError(() => net.population(IFCurrExp, 3, { initial: { v: [1] }, label: 'y' }));
    expect(net.populations.length).toBe(1);
    expect(net.population(IFCurrExp, 3, { label: 'x' }).label).toBe('x');
    expect(net.population(IFCurrExp, 3).label).toBe('pop2');
  });

  it('a failed population.setParameters(...) or initialize(...) changes nothing', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 3, { params: { tauM: 10 } });
    paramError(() => a.setParameters({ tauM: 30, vReset: 0 }));
    expect(a.params.tauM).toBe(10);
    const v = a.get('v');
    paramError(() => a.initialize({ v: -70, bogus: 1 }));
    paramError(() => a.initialize({ v: -70, iSynE: [1, 2] }));
    expect(a.get('v')).toEqual(v);
    expect(a.get('iSynE')).toEqual(new Float32Array(3));
  });

  it('a failed network.inject(...) or network.add(...) injects and attaches nothing', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 3);
    paramError(() => net.inject(new DCSource({ amplitude: 1 }), a, [0, 3]));
    paramError(() => net.add(new StateMonitor(a, ['v'], { interval: 0.15 })));
    expect(net.monitors.length).toBe(0);
    net.run(1);
    expect(Array.from(a.iExt)).toEqual([0, 0, 0]);
    expect(Array.from(a.get('v'))).toEqual(new Array(3).fill(-65));
  });
});
