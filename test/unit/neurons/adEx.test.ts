/**
 * AdEx with the Brette & Gerstner (2005) parameters (PyNN's defaults): tonic spiking
 * with spike-frequency adaptation, the rheobase from the steady-state I-V curve, the
 * RKF45 solution against an independent fine-step RK4 reference, the refractory clamp,
 * and parameter validation.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { StateMonitor } from '../../../src/engine/monitors/stateMonitor.js';
import { AdEx, type AdExParams } from '../../../src/neurons/adEx.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { fromList } from '../../../src/synapses/connectors/fromList.js';
import { paramError } from '../../fixtures/parameterError.js';

const D = AdEx.defaults;
const DT = 0.1;

function simulate(params: Partial<AdExParams>, duration: number, inputs: Input[] = []) {
  const net = new Network({ dt: DT, seed: 1 });
  const pop = net.population(AdEx, 1, { params });
  inputs.forEach(([arrival, weight, receptor], j) => {
    const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [arrival - 1] }, label: `in${j}` });
    net.connect(src, pop, fromList([[0, 0, weight, 1]]), { receptor });
  });
  const sm = net.add(new SpikeMonitor(pop));
  const vm = net.add(new StateMonitor(pop, ['v', 'w']));
  net.run(duration);
  return { times: Array.from(sm.times), v: vm.trace('v', 0), w: vm.trace('w', 0) };
}

/** [arrival time (ms, on the grid), weight (uS), receptor] */
type Input = [number, number, 'excitatory' | 'inhibitory'];

/**
 * Independent reference: classical RK4 with `sub` sub-steps per dt on the same equations
 * (v bounded by vSpike in the right-hand side, conductances exact), spike when
 * v >= vSpike after a sub-step (v = vReset, w += b), v then held at vReset until the end
 * of the step and round(tauRefrac/dt) more steps. Returns spike times and v at the grid.
 */
function reference(p: AdExParams, duration: number, inputs: Input[], sub: number) {
  const gL = p.cm / p.tauM;
  const a = p.a / 1000;
  const R = Math.round(p.tauRefrac / DT);
  const f = (v: number, w: number, ge: number, gi: number): [number, number] => {
    const vb = Math.min(v, p.vSpike);
    return [
      (gL * (p.vRest - vb) + gL * p.deltaT * Math.exp((vb - p.vThresh) / p.deltaT) + ge * (p.eRevE - vb) + gi * (p.eRevI - vb) - w + p.iOffset) / p.cm,
      (a * (vb - p.vRest) - w) / p.tauW,
    ];
  };
  let v = p.vRest;
  let w = 0;
  let ge = 0;
  let gi = 0;
  let clampedUntil = -1;
  const spikes: number[] = [];
  const vs: number[] = [];
  const h = DT / sub;
  for (let k = 0; k < Math.round(duration / DT); k++) {
    vs.push(v);
    for (const [arrival, weight, receptor] of inputs) {
      if (Math.round(arrival / DT) === k) {
        if (receptor === 'excitatory') ge += weight;
        else gi += weight;
      }
    }
    for (let s = 0; s < sub; s++) {
      if (k < clampedUntil) {
        const wInf = a * (p.vReset - p.vRest);
        w = wInf + (w - wInf) * Math.exp(-h / p.tauW);
        continue;
      }
      const t = s * h;
      const gE = (x: number) => ge * Math.exp(-x / p.tauSynE);
      const gI = (x: number) => gi * Math.exp(-x / p.tauSynI);
      const k1 = f(v, w, gE(t), gI(t));
      const k2 = f(v + (h / 2) * k1[0], w + (h / 2) * k1[1], gE(t + h / 2), gI(t + h / 2));
      const k3 = f(v + (h / 2) * k2[0], w + (h / 2) * k2[1], gE(t + h / 2), gI(t + h / 2));
      const k4 = f(v + h * k3[0], w + h * k3[1], gE(t + h), gI(t + h));
      v += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
      w += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
      if (v >= p.vSpike) {
        v = p.vReset;
        w += p.b;
        spikes.push(k * DT + t + h);
        if (R > 0) clampedUntil = k + 1 + R;
      }
    }
    ge *= Math.exp(-DT / p.tauSynE);
    gi *= Math.exp(-DT / p.tauSynI);
  }
  return { spikes, vs };
}

/**
 * Rheobase of AdEx from rest: the largest steady current the I-V curve
 * F(v) = (gL + a)(v - vRest) - gL deltaT exp((v - vThresh)/deltaT) can balance, reached at
 * v* = vThresh + deltaT ln(1 + a/gL): I_rh = (gL + a)(v* - vRest - deltaT) (nA).
 */
function rheobase(p: AdExParams): number {
  const gL = p.cm / p.tauM;
  const a = p.a / 1000;
  const vStar = p.vThresh + p.deltaT * Math.log(1 + a / gL);
  return (gL + a) * (vStar - p.vRest - p.deltaT);
}

describe('AdEx', () => {
  it('AdEx (Brette & Gerstner 2005) under iOffset = 1 nA spikes tonically with interspike intervals that grow and settle', () => {
    const { times } = simulate({ iOffset: 1 }, 1000);
    const isi = times.slice(1).map((t, i) => t - times[i]);
    expect(isi.length).toBeGreaterThan(20);
    for (let s = 1; s < isi.length; s++) expect(isi[s]).toBeGreaterThanOrEqual(isi[s - 1] - DT - 1e-9);
    const last = isi[isi.length - 1];
    expect(last).toBeGreaterThan(2 * isi[0]); // spike-frequency adaptation
    expect(Math.abs(isi[isi.length - 2] - last)).toBeLessThanOrEqual(DT + 1e-9); // a steady rate
  });

  it('AdEx rheobase: 0.95 I_rh gives no sustained firing, 1.05 I_rh fires repetitively (I_rh = 0.627 nA from the I-V curve)', () => {
    const iRh = rheobase({ ...D });
    expect(iRh).toBeCloseTo(0.6273, 3);
    const below = simulate({ iOffset: 0.95 * iRh }, 2000).times;
    const above = simulate({ iOffset: 1.05 * iRh }, 2000).times;
    expect(below.filter((t) => t > 200)).toHaveLength(0); // at most a transient onset spike
    expect(above.filter((t) => t > 200).length).toBeGreaterThanOrEqual(5);
  });

  it('stepAdEx (RKF45, NEST tolerances) matches a fine-step RK4 reference: same spike steps, v within 1e-3 mV before the first spike', () => {
    const inputs: Input[] = [[5, 0.01, 'excitatory'], [50.3, 0.02, 'excitatory'], [120, 0.05, 'inhibitory'], [200.5, 0.03, 'excitatory']];
    const duration = 300;
    const params = { iOffset: 0.8 };
    const sim = simulate(params, duration, inputs);
    const ref = reference({ ...D, ...params }, duration, inputs, 40);
    expect(ref.spikes.length).toBeGreaterThan(4);
    expect(sim.times.length).toBe(ref.spikes.length);
    // the step in which the reference spikes ends at the stamp Engram reports
    sim.times.forEach((t, s) => expect(Math.round(t / DT)).toBe(Math.ceil(ref.spikes[s] / DT - 1e-9)));
    const kFirst = Math.floor(ref.spikes[0] / DT);
    for (let k = 0; k <= kFirst; k++) expect(Math.abs(sim.v[k] - ref.vs[k])).toBeLessThan(1e-3);
  });

  it('AdEx with tauRefrac = 2 ms holds v at vReset for 20 steps after a spike while w relaxes exactly', () => {
    const p = { ...D, iOffset: 2, tauRefrac: 2 };
    const { times, v, w } = simulate(p, 60);
    expect(times.length).toBeGreaterThan(1);
    const k = Math.round(times[0] / DT); // first sample after the spike
    for (let j = k; j <= k + 20; j++) expect(v[j]).toBe(Math.fround(p.vReset));
    expect(v[k + 21]).toBeGreaterThan(p.vReset);
    const wInf = (p.a / 1000) * (p.vReset - p.vRest);
    for (let j = k; j < k + 20; j++) {
      expect(w[j + 1]).toBeCloseTo(wInf + (w[j] - wInf) * Math.exp(-DT / p.tauW), 6);
    }
    expect(w[k]).toBeGreaterThan(p.b * 0.99); // the spike added b
  });

  it('AdEx never shows v above vSpike in its samples and is reset within the step that crosses it', () => {
    const { v, times } = simulate({ iOffset: 3 }, 200);
    expect(times.length).toBeGreaterThan(10);
    expect(Math.max(...v)).toBeLessThan(D.vSpike);
  });

  it('AdEx with deltaT = 0 is an adaptive LIF that spikes at vThresh', () => {
    const { v, times } = simulate({ deltaT: 0, iOffset: 1 }, 200);
    expect(times.length).toBeGreaterThan(3);
    expect(Math.max(...v)).toBeLessThan(D.vThresh);
  });

  it('AdEx.validate names the parameter: vSpike < vThresh, vReset >= vSpike, deltaT < 0 or overflowing, tauW <= 0', () => {
    expect(paramError(() => AdEx.validate({ ...D, vSpike: -55 })).parameter).toBe('vSpike');
    expect(paramError(() => AdEx.validate({ ...D, vReset: -40 })).parameter).toBe('vReset');
    expect(paramError(() => AdEx.validate({ ...D, deltaT: -1 })).parameter).toBe('deltaT');
    expect(paramError(() => AdEx.validate({ ...D, deltaT: 1e-3 })).parameter).toBe('deltaT');
    expect(paramError(() => AdEx.validate({ ...D, tauW: 0 })).parameter).toBe('tauW');
    for (const name of ['cm', 'tauM', 'tauSynE', 'tauSynI'] as const) {
      expect(paramError(() => AdEx.validate({ ...D, [name]: NaN })).parameter).toBe(name);
    }
  });

  it('AdEx has PyNN EIF_cond_exp_isfa_ista defaults (Brette & Gerstner 2005), frozen, with a unit for each', () => {
    expect(AdEx.pynnName).toBe('EIF_cond_exp_isfa_ista');
    expect(D).toEqual({
      cm: 0.281, tauRefrac: 0.1, vSpike: -40, vReset: -70.6, vRest: -70.6, tauM: 9.3667, iOffset: 0,
      a: 4, b: 0.0805, deltaT: 2, tauW: 144, vThresh: -50.4, eRevE: 0, tauSynE: 5, eRevI: -80, tauSynI: 5,
    });
    expect(Object.isFrozen(D)).toBe(true);
    expect(Object.keys(AdEx.units).sort()).toEqual(Object.keys(D).sort());
    expect(AdEx.units.a).toBe('nS');
    expect(AdEx.stateVariables).toEqual({ v: 'mV', w: 'nA', gSynE: 'uS', gSynI: 'uS' });
  });
});
