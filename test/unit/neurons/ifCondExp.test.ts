/**
 * IFCondExp: reversal-potential behaviour of conductance synapses, the steady state
 * under constant conductances, the RKF45 solution against an independent fine-step
 * solution, the LIF interspike interval, and parameter validation.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { StateMonitor } from '../../../src/engine/monitors/stateMonitor.js';
import { IFCondExp, type IFCondExpParams, ifCondExpConstants, stepIFCondExp } from '../../../src/neurons/ifCondExp.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { fromList } from '../../../src/synapses/connectors/fromList.js';
import { paramError } from '../../fixtures/parameterError.js';

const D = IFCondExp.defaults;
const DT = 0.1;

/**
 * Neurons of IFCondExp, each with its own parameters, receiving one spike at 10 ms
 * (arrival 11 ms) of weight weights[i] (uS) on `receptor`; v and both conductances recorded.
 */
function respond(
  paramsList: Array<Partial<IFCondExpParams>>,
  weights: number[],
  receptor: 'excitatory' | 'inhibitory',
  duration = 100,
) {
  const net = new Network({ dt: DT, seed: 1 });
  const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [10] } });
  const monitors = paramsList.map((params, i) => {
    const pop = net.population(IFCondExp, 1, { params, label: `n${i}` });
    net.connect(src, pop, fromList([[0, 0, weights[i], 1]]), { receptor });
    return net.add(new StateMonitor(pop, ['v', 'gSynE', 'gSynI']));
  });
  net.run(duration);
  return monitors.map((vm) => ({ v: vm.trace('v', 0), gE: vm.trace('gSynE', 0), gI: vm.trace('gSynI', 0) }));
}

describe('IFCondExp', () => {
  it('an excitatory input to IFCondExp at v = eRevE changes nothing, while the same input below eRevE depolarises', () => {
    const atReversal = { vRest: -20, eRevE: -20, vThresh: 0, vReset: -30 };
    const below = { vRest: -65, eRevE: -20, vThresh: 0, vReset: -70 };
    const [a, b] = respond([atReversal, below], [0.5, 0.5], 'excitatory');
    expect(Math.max(...a.gE)).toBeGreaterThan(0.4); // the conductance did open
    for (const v of a.v) expect(v).toBe(-20);
    expect(Math.max(...b.v)).toBeGreaterThan(-60);
    expect(Math.max(...b.v)).toBeLessThan(-20);
  });

  it('an inhibitory input to IFCondExp above eRevI hyperpolarises and below eRevI depolarises, towards eRevI but never past it', () => {
    const eRevI = -70;
    const above = { vRest: -60, eRevI };
    const below = { vRest: -80, eRevI };
    const [a, b] = respond([above, below], [2, 2], 'inhibitory');
    const kArrival = Math.round(11 / DT);
    expect(a.v[kArrival]).toBe(-60);
    expect(b.v[kArrival]).toBe(-80);
    const minA = Math.min(...a.v);
    const maxB = Math.max(...b.v);
    expect(minA).toBeLessThan(-68); // a large conductance pulls v close to eRevI ...
    expect(minA).toBeGreaterThan(eRevI); // ... but not past it
    expect(maxB).toBeGreaterThan(-72);
    expect(maxB).toBeLessThan(eRevI);
    // both relax back to rest afterwards
    expect(Math.abs(a.v[a.v.length - 1] - -60)).toBeLessThan(1);
    expect(Math.abs(b.v[b.v.length - 1] - -80)).toBeLessThan(1);
  });

  it('IFCondExp under constant conductances settles at the conductance-weighted mean of the reversal potentials', () => {
    const params = { tauSynE: 1e12, tauSynI: 1e12, iOffset: 0.1, vThresh: -40 };
    const gE = 0.02;
    const gI = 0.08;
    const net = new Network({ dt: DT, seed: 1 });
    const pop = net.population(IFCondExp, 1, { params, initial: { gSynE: gE, gSynI: gI } });
    net.run(400);
    const p = { ...D, ...params };
    const gL = p.cm / p.tauM;
    const vInf = (gL * p.vRest + gE * p.eRevE + gI * p.eRevI + p.iOffset) / (gL + gE + gI);
    expect(vInf).toBeCloseTo(-58.3333, 3);
    // v is stored in single precision: once the step's increment (v - vInf)(1 - exp(-dt/tauEff))
    // falls below half an ulp of v (1.9e-6 mV near -58 mV) it rounds away, so v stops within
    // ulp/2 tauEff/dt = 1.3e-4 mV of vInf (tauEff = cm/(gL + gE + gI) = 6.7 ms).
    expect(Math.abs(pop.get('v')[0] - vInf)).toBeLessThan(2e-4);
  });

  it('stepIFCondExp follows an independent fine-step RK4 solution of a conductance PSP to 5e-5 mV', () => {
    const p = { ...D, vThresh: 0 };
    const c = ifCondExpConstants(p, DT);
    const v = Float32Array.of(p.vRest);
    const gE = new Float32Array(1);
    const gI = new Float32Array(1);
    const inE = Float32Array.of(0.2);
    const inI = new Float32Array(1);
    const refractory = new Int32Array(1);
    const spikes = new Uint32Array(1);
    const iExt = Float32Array.of(0.3);
    const hStep = new Float64Array(1).fill(DT);
    // reference: v' = (gL (vRest - v) + gE(t) (eRevE - v) + iExt)/cm with gE(t) = 0.2 exp(-t/tauSynE)
    const gL = p.cm / p.tauM;
    const f = (t: number, y: number) => (gL * (p.vRest - y) + 0.2 * Math.exp(-t / p.tauSynE) * (p.eRevE - y) + 0.3) / p.cm;
    let y = p.vRest;
    const h = DT / 100;
    let worst = 0;
    for (let k = 0; k < 500; k++) {
      stepIFCondExp(1, v, gE, gI, refractory, iExt, inE, inI, spikes, hStep, c);
      for (let s = 0; s < 100; s++) {
        const t = k * DT + s * h;
        const k1 = f(t, y);
        const k2 = f(t + h / 2, y + (h / 2) * k1);
        const k3 = f(t + h / 2, y + (h / 2) * k2);
        const k4 = f(t + h, y + h * k3);
        y += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      }
      worst = Math.max(worst, Math.abs(v[0] - y));
      expect(Math.abs(gE[0] - 0.2 * Math.exp(-((k + 1) * DT) / p.tauSynE))).toBeLessThan(1e-7);
    }
    expect(y - p.vRest).toBeGreaterThan(5); // a sizeable response
    // The RKF45 error per step is below 1e-6 mV; what remains is the single-precision state
    // (measured 2.2e-5 mV, the same for tolerances 1e-3 to 1e-10).
    expect(worst).toBeLessThan(5e-5);
  });

  it('IFCondExp with iOffset and no synaptic input fires at the LIF closed-form ISI within one dt', () => {
    const params = { iOffset: 1, tauRefrac: 2, vReset: -70 };
    const p = { ...D, ...params };
    const RI = (p.tauM / p.cm) * p.iOffset;
    const isi = p.tauRefrac + p.tauM * Math.log((RI + p.vRest - p.vReset) / (RI + p.vRest - p.vThresh));
    const net = new Network({ dt: DT, seed: 1 });
    const pop = net.population(IFCondExp, 1, { params, initial: { v: p.vReset } });
    const sm = net.add(new SpikeMonitor(pop));
    net.run(200);
    const t = sm.times;
    expect(t.length).toBeGreaterThan(4);
    for (let s = 1; s < t.length; s++) expect(Math.abs(t[s] - t[s - 1] - isi)).toBeLessThanOrEqual(DT + 1e-9);
  });

  it.each(['cm', 'tauM', 'tauSynE', 'tauSynI', 'tauRefrac'] as const)(
    'IFCondExp.validate({ %s: -1 }) and NaN throw a ParameterError naming the parameter',
    (name) => {
      expect(paramError(() => IFCondExp.validate({ ...D, [name]: -1 })).parameter).toBe(name);
      expect(paramError(() => IFCondExp.validate({ ...D, [name]: NaN })).parameter).toBe(name);
    },
  );

  it('IFCondExp.validate rejects vReset >= vThresh and non-finite reversal potentials, naming the parameter', () => {
    expect(paramError(() => IFCondExp.validate({ ...D, vReset: -50 })).parameter).toBe('vReset');
    expect(paramError(() => IFCondExp.validate({ ...D, eRevE: NaN })).parameter).toBe('eRevE');
    expect(paramError(() => IFCondExp.validate({ ...D, eRevI: Infinity })).parameter).toBe('eRevI');
  });

  it('network.connect(src, IFCondExp population, ..., { weight: -0.1 }) rejects a negative conductance', () => {
    const net = new Network();
    const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [1] } });
    const pop = net.population(IFCondExp, 1);
    expect(paramError(() => net.connect(src, pop, fromList([[0, 0]]), { weight: -0.1 })).parameter).toBe('weight');
  });

  it('IFCondExp has PyNN IF_cond_exp defaults, frozen', () => {
    expect(IFCondExp.pynnName).toBe('IF_cond_exp');
    expect(D).toEqual({
      cm: 1, tauM: 20, tauRefrac: 0.1, tauSynE: 5, tauSynI: 5, eRevE: 0, eRevI: -70,
      vRest: -65, vReset: -65, vThresh: -50, iOffset: 0,
    });
    expect(Object.isFrozen(D)).toBe(true);
  });
});
