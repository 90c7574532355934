/**
 * IFCurrAlpha against closed forms: the alpha current of one input (PyNN's weight
 * convention), the PSP (peak time and height) for tauSyn != tauM and tauSyn == tauM,
 * the propagator near tauSyn == tauM, and parameter validation.
 */
import { describe, expect, it } from 'vitest';
import {
  IFCurrAlpha,
  alphaCurrentPropagator,
  ifCurrAlphaPropagators,
  stepIFCurrAlpha,
} from '../../../src/neurons/ifCurrAlpha.js';
import { ARRIVAL, bisect, hermitePeak, lifSlope, recordPsp } from './psp.js';
import { paramError } from '../../fixtures/parameterError.js';

const D = IFCurrAlpha.defaults;

/** Closed-form alpha PSP: v - vRest at time s after an input of weight w (nA). */
function alphaPsp(s: number, w: number, tauM: number, tauS: number, cm: number): number {
  if (s <= 0) return 0;
  const drive = (w * Math.E) / tauS; // dISyn right after the input, nA/ms
  const g = 1 / tauS - 1 / tauM;
  if (g === 0) return ((drive / cm) * s * s * Math.exp(-s / tauM)) / 2;
  return ((drive / cm) * (Math.exp(-s / tauM) - Math.exp(-s / tauS) * (1 + g * s))) / (g * g);
}

/** Alpha current of weight w: w (s/tauS) exp(1 - s/tauS). */
function alphaCurrent(s: number, w: number, tauS: number): number {
  return s <= 0 ? 0 : w * (s / tauS) * Math.exp(1 - s / tauS);
}

describe('IFCurrAlpha', () => {
  it('stepIFCurrAlpha with one input of w nA gives a current peaking at exactly w nA at t = tauSynE', () => {
    const tauS = 2;
    const dt = tauS / 40;
    const p = { ...D, tauSynE: tauS, tauSynI: tauS };
    const pr = ifCurrAlphaPropagators(p, dt);
    const arr = () => new Float32Array(1);
    const [v, iE, iI, dE, dI, ext, inE, inI] = [arr(), arr(), arr(), arr(), arr(), arr(), arr(), arr()];
    v[0] = p.vRest;
    const refractory = new Int32Array(1);
    const spikes = new Uint32Array(1);
    const w = 0.75;
    inE[0] = w;
    const current: number[] = [];
    for (let k = 0; k < 200; k++) {
      stepIFCurrAlpha(1, v, iE, iI, dE, dI, refractory, ext, inE, inI, spikes, pr, p.vRest, p.vReset, p.vThresh);
      current.push(iE[0]);
      expect(inE[0]).toBe(0);
    }
    // current[k] is iSynE at (k + 1) dt after the input
    const kPeak = current.indexOf(Math.max(...current));
    expect(kPeak + 1).toBe(40);
    expect(Math.abs(current[39] - w) / w).toBeLessThan(1e-6);
    for (let k = 0; k < current.length; k++) {
      expect(Math.abs(current[k] - alphaCurrent((k + 1) * dt, w, tauS))).toBeLessThan(1e-6);
    }
  });

  it('recordPsp(IFCurrAlpha, defaults, w = 2 nA) matches the closed-form PSP: every sample, peak time and height (relative 1e-4)', () => {
    const w = 2;
    const rec = recordPsp(IFCurrAlpha, {}, w, 0.1, 40);
    const closed = (s: number) => alphaPsp(s, w, D.tauM, D.tauSynE, D.cm);
    // The peak is where dv/dt = -v/tauM + I/cm vanishes.
    const tp = bisect((s) => -closed(s) / D.tauM + alphaCurrent(s, w, D.tauSynE) / D.cm, 1e-3, 20);
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

  it('recordPsp(IFCurrAlpha, { tauSynE: tauM }) peaks at t = 2 tau with height 2 w tau/(e cm) (relative 1e-4)', () => {
    const tau = D.tauM;
    const w = 0.5;
    const rec = recordPsp(IFCurrAlpha, { tauSynE: tau }, w, 0.1, 80);
    const tp = 2 * tau;
    const hp = (2 * w * tau) / (Math.E * D.cm);
    let worst = 0;
    for (let k = 0; k < rec.v.length; k++) {
      worst = Math.max(worst, Math.abs(rec.v[k] - D.vRest - alphaPsp(rec.t[k] - ARRIVAL, w, tau, tau, D.cm)));
    }
    expect(worst / hp).toBeLessThan(1e-4);
    const peak = hermitePeak(rec.t, Float64Array.from(rec.v, (v) => v - D.vRest), lifSlope(rec, D.vRest, D.tauM, D.cm));
    expect(Math.abs(peak.time - ARRIVAL - tp) / tp).toBeLessThan(1e-4);
    expect(Math.abs(peak.height - hp) / hp).toBeLessThan(1e-4);
  });

  it('alphaCurrentPropagator(h, tauM, tauS, cm) is continuous through tauS == tauM and matches direct quadrature', () => {
    const h = 0.1;
    const at = alphaCurrentPropagator(h, 10, 10, 1);
    expect(at).toBeCloseTo((h * h * Math.exp(-h / 10)) / 2, 15);
    for (const rel of [1e-12, 1e-9, 1e-6, 1e-4, 1e-2]) {
      const near = alphaCurrentPropagator(h, 10, 10 * (1 + rel), 1);
      expect(Math.abs(near - at) / at).toBeLessThan(2 * rel * (h / 10) + 1e-13);
    }
    // Simpson quadrature of (1/cm) int_0^h exp(-(h-s)/tauM) s exp(-s/tauS) ds
    for (const [tauM, tauS] of [[20, 0.5], [20, 5], [3, 30], [10, 10.05]]) {
      const n = 2000;
      let sum = 0;
      for (let j = 0; j <= n; j++) {
        const s = (j / n) * h;
        const wgt = j === 0 || j === n ? 1 : j % 2 ? 4 : 2;
        sum += wgt * Math.exp(-(h - s) / tauM) * s * Math.exp(-s / tauS);
      }
      const quad = (sum * h) / (3 * n) / 2;
      expect(Math.abs(alphaCurrentPropagator(h, tauM, tauS, 2) - quad) / quad).toBeLessThan(1e-10);
    }
  });

  it('stepIFCurrAlpha holds v at vReset for round(tauRefrac/dt) steps after a spike while iSynE keeps evolving', () => {
    const dt = 0.1;
    const p = { ...D, tauRefrac: 1 };
    const pr = ifCurrAlphaPropagators(p, dt);
    const v = Float32Array.of(p.vThresh - 0.01);
    const [iE, iI, dE, dI, inE, inI] = Array.from({ length: 6 }, () => new Float32Array(1));
    const ext = Float32Array.of(2);
    const refractory = new Int32Array(1);
    const spikes = new Uint32Array(1);
    inE[0] = 1;
    expect(stepIFCurrAlpha(1, v, iE, iI, dE, dI, refractory, ext, inE, inI, spikes, pr, p.vRest, p.vReset, p.vThresh)).toBe(1);
    expect(spikes[0]).toBe(0);
    expect(refractory[0]).toBe(10);
    const currents: number[] = [];
    for (let k = 0; k < 10; k++) {
      expect(stepIFCurrAlpha(1, v, iE, iI, dE, dI, refractory, ext, inE, inI, spikes, pr, p.vRest, p.vReset, p.vThresh)).toBe(0);
      expect(v[0]).toBe(p.vReset);
      currents.push(iE[0]);
    }
    // the synaptic current is unaffected by the clamp: it follows the alpha function of the input
    for (let k = 0; k < 10; k++) expect(Math.abs(currents[k] - alphaCurrent((k + 2) * dt, 1, p.tauSynE))).toBeLessThan(1e-6);
    stepIFCurrAlpha(1, v, iE, iI, dE, dI, refractory, ext, inE, inI, spikes, pr, p.vRest, p.vReset, p.vThresh);
    expect(v[0]).toBeGreaterThan(p.vReset);
  });

  it.each(['cm', 'tauM', 'tauSynE', 'tauSynI', 'tauRefrac'] as const)(
    'IFCurrAlpha.validate({ %s: -1 }) and NaN throw a ParameterError naming the parameter',
    (name) => {
      expect(paramError(() => IFCurrAlpha.validate({ ...D, [name]: -1 })).parameter).toBe(name);
      expect(paramError(() => IFCurrAlpha.validate({ ...D, [name]: NaN })).parameter).toBe(name);
    },
  );

  it('IFCurrAlpha.validate({ vReset >= vThresh }) throws a ParameterError naming vReset', () => {
    expect(paramError(() => IFCurrAlpha.validate({ ...D, vReset: -50 })).parameter).toBe('vReset');
  });

  it('IFCurrAlpha has PyNN IF_curr_alpha defaults and frozen defaults', () => {
    expect(IFCurrAlpha.pynnName).toBe('IF_curr_alpha');
    expect(D).toEqual({ cm: 1, tauM: 20, tauRefrac: 0.1, tauSynE: 0.5, tauSynI: 0.5, vRest: -65, vReset: -65, vThresh: -50, iOffset: 0 });
    expect(Object.isFrozen(D)).toBe(true);
    expect(Object.keys(IFCurrAlpha.units).sort()).toEqual(Object.keys(D).sort());
  });
});
