/**
 * IFCurrExp against closed forms: the PSP of one exponential current input, the
 * interspike interval under constant current, and parameter validation.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { IFCurrExp, type IFCurrExpParams } from '../../../src/neurons/ifCurrExp.js';
import { ARRIVAL, hermitePeak, lifSlope, recordPsp } from './psp.js';
import { paramError } from '../../fixtures/parameterError.js';

const D = IFCurrExp.defaults;

/** Closed-form PSP of a current jump w decaying with tauS: v - vRest at time s after arrival. */
function expPsp(s: number, w: number, tauM: number, tauS: number, cm: number): number {
  if (s <= 0) return 0;
  return ((w / cm) * tauM * tauS) / (tauM - tauS) * (Math.exp(-s / tauM) - Math.exp(-s / tauS));
}

describe('IFCurrExp', () => {
  it('recordPsp(IFCurrExp, defaults, w = 2 nA) matches the closed-form PSP: every sample, peak time and height (relative 1e-4)', () => {
    const w = 2;
    const dt = 0.1;
    const rec = recordPsp(IFCurrExp, {}, w, dt, 60);
    const closed = (s: number) => expPsp(s, w, D.tauM, D.tauSynE, D.cm);
    // Peak of the closed form: tp = tauM tauS/(tauM - tauS) ln(tauM/tauS).
    const tp = ((D.tauM * D.tauSynE) / (D.tauM - D.tauSynE)) * Math.log(D.tauM / D.tauSynE);
    const hp = closed(tp);
    let worst = 0;
    for (let k = 0; k < rec.v.length; k++) {
      worst = Math.max(worst, Math.abs(rec.v[k] - D.vRest - closed(rec.t[k] - ARRIVAL)));
    }
    expect(worst / hp).toBeLessThan(1e-4);
    const peak = hermitePeak(rec.t, Float64Array.from(rec.v, (v) => v - D.vRest), lifSlope(rec, D.vRest, D.tauM, D.cm));
    expect(Math.abs(peak.time - ARRIVAL - tp) / tp).toBeLessThan(1e-4);
    expect(Math.abs(peak.height - hp) / hp).toBeLessThan(1e-4);
  });

  it('recordPsp(IFCurrExp) before the arrival step leaves v at rest, and the first sample after it has risen', () => {
    const rec = recordPsp(IFCurrExp, {}, 1, 0.1, 20);
    const kArrival = Math.round(ARRIVAL / 0.1);
    for (let k = 0; k <= kArrival; k++) expect(rec.v[k]).toBe(Math.fround(D.vRest));
    expect(rec.v[kArrival + 1]).toBeGreaterThan(D.vRest);
  });

  it('IFCurrExp with iOffset = 1 nA fires at the closed-form ISI tauRefrac + tauM ln((R I + vRest - vReset)/(R I + vRest - vThresh)) within one dt', () => {
    const dt = 0.1;
    const params: Partial<IFCurrExpParams> = { iOffset: 1, tauRefrac: 2, vReset: -70 };
    const p = { ...D, ...params };
    const RI = (p.tauM / p.cm) * p.iOffset;
    const isi = p.tauRefrac + p.tauM * Math.log((RI + p.vRest - p.vReset) / (RI + p.vRest - p.vThresh));
    const net = new Network({ dt, seed: 1 });
    const pop = net.population(IFCurrExp, 1, { params, initial: { v: p.vReset } });
    const sm = net.add(new SpikeMonitor(pop));
    net.run(300);
    const times = sm.times;
    expect(times.length).toBeGreaterThan(5);
    // From v = vReset the first spike comes after the same charging time, without the refractory period.
    expect(Math.abs(times[0] - (isi - p.tauRefrac))).toBeLessThanOrEqual(dt + 1e-9);
    for (let s = 1; s < times.length; s++) {
      expect(Math.abs(times[s] - times[s - 1] - isi)).toBeLessThanOrEqual(dt + 1e-9);
    }
  });

  it.each(['cm', 'tauM', 'tauSynE', 'tauSynI', 'tauRefrac'] as const)(
    'IFCurrExp.validate({ %s: -1 }) and NaN throw a ParameterError naming the parameter',
    (name) => {
      expect(paramError(() => IFCurrExp.validate({ ...D, [name]: -1 })).parameter).toBe(name);
      expect(paramError(() => IFCurrExp.validate({ ...D, [name]: NaN })).parameter).toBe(name);
    },
  );

  it('IFCurrExp.validate({ vReset >= vThresh }) throws a ParameterError naming vReset', () => {
    expect(paramError(() => IFCurrExp.validate({ ...D, vReset: -50, vThresh: -50 })).parameter).toBe('vReset');
    expect(paramError(() => IFCurrExp.validate({ ...D, vReset: -40 })).parameter).toBe('vReset');
  });

  it('network.population(IFCurrExp, 1, { params: { tauM: -5 } }) throws naming tauM and adds nothing', () => {
    const net = new Network();
    const err = paramError(() => net.population(IFCurrExp, 1, { params: { tauM: -5 } }));
    expect(err.parameter).toBe('tauM');
    expect(err.message).toMatch(/tauM/);
    expect(net.populations).toHaveLength(0);
  });

  it('network.population(IFCurrExp, 1, { params: { tau_m: 10 } }) rejects the unknown parameter name', () => {
    const net = new Network();
    const err = paramError(() => net.population(IFCurrExp, 1, { params: { tau_m: 10 } as never }));
    expect(err.parameter).toBe('params.tau_m');
    expect(err.allowed).toMatch(/tauM/);
  });
});
