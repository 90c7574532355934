/**
 * Izhikevich: the four published cortical firing patterns (Izhikevich 2003, Fig. 2:
 * regular spiking, fast spiking, chattering, intrinsically bursting) under a current
 * step of I = 10 (iOffset units: 0.01 nA), checked against an independent forward-Euler
 * implementation written here and against the qualitative signature of each pattern;
 * the delta synapse (a weight is a jump of v in mV); units; validation.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { StateMonitor } from '../../../src/engine/monitors/stateMonitor.js';
import { DCSource } from '../../../src/engine/stimuli/dcSource.js';
import { Izhikevich, type IzhikevichParams } from '../../../src/neurons/izhikevich.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { fromList } from '../../../src/synapses/connectors/fromList.js';
import { paramError } from '../../fixtures/parameterError.js';

const DT = 0.1;
const STEP_ON = 20; // ms
const DURATION = 520; // ms: 500 ms of current
const I_PUBLISHED = 10; // Izhikevich's I, i.e. 0.01 nA

const PATTERNS: Record<'RS' | 'FS' | 'CH' | 'IB', Pick<IzhikevichParams, 'a' | 'b' | 'c' | 'd'>> = {
  RS: { a: 0.02, b: 0.2, c: -65, d: 8 },
  FS: { a: 0.1, b: 0.2, c: -65, d: 2 },
  CH: { a: 0.02, b: 0.2, c: -50, d: 2 },
  IB: { a: 0.02, b: 0.2, c: -55, d: 4 },
};

/**
 * Independent reference: forward Euler in double precision from rest (v = -70, u = -14),
 * I = 10 from STEP_ON on, both variables updated from the values at the start of the
 * step, v >= 30 -> v = c, u += d. Returns spike times (end of the step, ms).
 */
function referenceSpikes(p: Pick<IzhikevichParams, 'a' | 'b' | 'c' | 'd'>): number[] {
  let v = -70;
  let u = -14;
  const out: number[] = [];
  const steps = Math.round(DURATION / DT);
  for (let k = 0; k < steps; k++) {
    const I = k * DT >= STEP_ON - 1e-9 ? I_PUBLISHED : 0;
    const dv = 0.04 * v * v + 5 * v + 140 - u + I;
    const du = p.a * (p.b * v - u);
    v += DT * dv;
    u += DT * du;
    if (v >= 30) {
      v = p.c;
      u += p.d;
      out.push((k + 1) * DT);
    }
  }
  return out;
}

function simulate(p: Pick<IzhikevichParams, 'a' | 'b' | 'c' | 'd'>): number[] {
  const net = new Network({ dt: DT, seed: 1 });
  const pop = net.population(Izhikevich, 1, { params: p });
  net.inject(new DCSource({ amplitude: I_PUBLISHED / 1000, start: STEP_ON }), pop);
  const sm = net.add(new SpikeMonitor(pop));
  net.run(DURATION);
  return Array.from(sm.times);
}

const isis = (t: number[]) => t.slice(1).map((x, i) => x - t[i]);

describe('Izhikevich', () => {
  const results = Object.fromEntries(
    Object.entries(PATTERNS).map(([name, p]) => [name, { sim: simulate(p), ref: referenceSpikes(p) }]),
  ) as Record<keyof typeof PATTERNS, { sim: number[]; ref: number[] }>;

  it.each(Object.keys(PATTERNS) as Array<keyof typeof PATTERNS>)(
    'Izhikevich %s under a step of I = 10 matches the independent Euler reference in spike count and first-spike latency',
    (name) => {
      const { sim, ref } = results[name];
      expect(ref.length).toBeGreaterThan(5);
      // single-precision state may shift a late spike by a step; counts agree within one
      expect(Math.abs(sim.length - ref.length)).toBeLessThanOrEqual(1);
      expect(Math.abs(sim[0] - ref[0])).toBeLessThanOrEqual(DT / 2);
      expect(sim[0] - STEP_ON).toBeGreaterThan(2);
      expect(sim[0] - STEP_ON).toBeLessThan(10);
    },
  );

  it('Izhikevich RS (regular spiking) fires tonically with adapting interspike intervals', () => {
    const isi = isis(results.RS.sim);
    expect(Math.min(...isi)).toBeGreaterThan(10); // no bursts
    expect(isi[isi.length - 1]).toBeGreaterThan(2 * isi[0]); // adaptation
    for (let s = 1; s < isi.length; s++) expect(isi[s]).toBeGreaterThanOrEqual(isi[s - 1] - DT - 1e-9);
    const rate = (results.RS.sim.length / (DURATION - STEP_ON)) * 1000;
    expect(rate).toBeLessThan(40);
  });

  it('Izhikevich FS (fast spiking) fires at a high rate with hardly any adaptation', () => {
    const sim = results.FS.sim;
    const rate = (sim.length / (DURATION - STEP_ON)) * 1000;
    expect(rate).toBeGreaterThan(100);
    const steady = isis(sim).slice(3);
    const mean = steady.reduce((s, x) => s + x, 0) / steady.length;
    expect(Math.max(...steady) - Math.min(...steady)).toBeLessThan(0.1 * mean);
    expect(rate).toBeGreaterThan(4 * (results.RS.sim.length / (DURATION - STEP_ON)) * 1000);
  });

  it('Izhikevich CH (chattering) fires repeated bursts: groups of short ISIs separated by long pauses', () => {
    const isi = isis(results.CH.sim);
    const short = isi.filter((x) => x < 10).length;
    const long = isi.filter((x) => x > 25);
    expect(long.length).toBeGreaterThanOrEqual(5); // at least six bursts
    expect(short).toBeGreaterThanOrEqual(2 * long.length); // several spikes per burst
    expect(isi.filter((x) => x >= 10 && x <= 25)).toHaveLength(0); // bimodal
  });

  it('Izhikevich IB (intrinsically bursting) fires an initial burst, then regular single spikes', () => {
    const isi = isis(results.IB.sim);
    expect(isi[0]).toBeLessThan(10);
    expect(isi[1]).toBeLessThan(10);
    const later = isi.slice(2);
    expect(later.length).toBeGreaterThan(5);
    expect(Math.min(...later)).toBeGreaterThan(20);
    const tail = later.slice(1);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(1);
  });

  it('Izhikevich with iOffset = 0.01 nA gives exactly the spikes of a DCSource of 0.01 nA (I = 10)', () => {
    const net = new Network({ dt: DT, seed: 1 });
    const a = net.population(Izhikevich, 1, { params: { ...PATTERNS.RS, iOffset: 0.01 } });
    const b = net.population(Izhikevich, 1, { params: PATTERNS.RS });
    net.inject(new DCSource({ amplitude: 0.01 }), b);
    const ma = net.add(new SpikeMonitor(a));
    const mb = net.add(new SpikeMonitor(b));
    net.run(300);
    expect(ma.times.length).toBeGreaterThan(3);
    expect(Array.from(ma.times)).toEqual(Array.from(mb.times));
  });

  it('an input of weight w to Izhikevich makes v jump by w mV at the start of the arrival step, on either receptor', () => {
    const net = new Network({ dt: DT, seed: 1 });
    const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [10] } });
    const exc = net.population(Izhikevich, 1, { label: 'exc' });
    const inh = net.population(Izhikevich, 1, { label: 'inh' });
    net.connect(src, exc, fromList([[0, 0, 5, 1]]), { receptor: 'excitatory' });
    net.connect(src, inh, fromList([[0, 0, -5, 1]]), { receptor: 'inhibitory' });
    const me = net.add(new StateMonitor(exc, ['v', 'u']));
    const mi = net.add(new StateMonitor(inh, ['v']));
    net.run(15);
    const k = Math.round(11 / DT); // arrival step
    const a = Izhikevich.defaults;
    expect(me.trace('v')[k]).toBe(-70); // resting state until then
    expect(me.trace('u')[k]).toBe(-14);
    // Euler step from the jumped state (v = -65, u = -14)
    const jump = (v0: number) => v0 + DT * (0.04 * v0 * v0 + 5 * v0 + 140 + 14);
    expect(me.trace('v')[k + 1]).toBeCloseTo(jump(-65), 5);
    expect(mi.trace('v')[k + 1]).toBeCloseTo(jump(-75), 5);
    expect(me.trace('u')[k + 1]).toBeCloseTo(-14 + DT * a.a * (a.b * -65 + 14), 6);
  });

  it('Izhikevich.validate rejects a reset c >= 30 mV and non-finite a, b, d, iOffset, naming the parameter', () => {
    const D = Izhikevich.defaults;
    expect(paramError(() => Izhikevich.validate({ ...D, c: 30 })).parameter).toBe('c');
    for (const name of ['a', 'b', 'd', 'iOffset'] as const) {
      expect(paramError(() => Izhikevich.validate({ ...D, [name]: NaN })).parameter).toBe(name);
    }
  });

  it('Izhikevich has PyNN defaults (a 0.02, b 0.2, c -65, d 2) and rests at v = -70, u = -14', () => {
    expect(Izhikevich.defaults).toEqual({ a: 0.02, b: 0.2, c: -65, d: 2, iOffset: 0 });
    expect(Izhikevich.initialState(Izhikevich.defaults)).toEqual({ v: -70, u: -14 });
    const net = new Network({ dt: DT });
    const pop = net.population(Izhikevich, 1);
    net.run(100);
    expect(pop.get('v')[0]).toBeCloseTo(-70, 4);
    expect(pop.get('u')[0]).toBeCloseTo(-14, 4);
  });
});
