/**
 * AdEx on the device: the cpu reference's scheme (`stepAdEx`): (v, w) by adaptive RKF45
 * sub-steps with NEST's yp error control, spike detection after every sub-step, the
 * refractory clamp with w relaxing exactly, conductances decaying exactly; in f32.
 * Rows: v, w, gSynE, gSynI, rs, h (sub-step size, ms; device only).
 */
import { ADEX_TOLERANCE, adExConstants, type AdExParams } from '../../../neurons/adEx.js';
import { rkConstants, rkNextStep } from './rkf45.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/** dv/dt (mV/ms) of AdEx, v bounded by vClamp. */
export function adexDvdt(
  v: number, w: number, ge: number, gi: number, iE: number,
  gL: number, deltaT: number, invDeltaT: number, vThresh: number, vClamp: number, vRest: number, eRevE: number, eRevI: number, invCm: number,
): number {
  let vb = v;
  if (vb > vClamp) {
    vb = vClamp;
  }
  let spike = 0;
  if (deltaT > 0) {
    spike = gL * deltaT * Math.exp((vb - vThresh) * invDeltaT);
  }
  return (gL * (vRest - vb) + spike + ge * (eRevE - vb) + gi * (eRevI - vb) - w + iE) * invCm;
}

/** dw/dt (nA/ms) of AdEx, v bounded by vClamp. */
export function adexDwdt(v: number, w: number, aUS: number, vRest: number, vClamp: number, invTauW: number): number {
  let vb = v;
  if (vb > vClamp) {
    vb = vClamp;
  }
  return (aUS * (vb - vRest) - w) * invTauW;
}

/** Row y of the next state: 0 v, 1 w, 2-3 (gSynE, gSynI: input added, then exact decay), 4 rs, 5 h. */
function adExStep(this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const yr = this.thread.y;
  if (yr > 1.5 && yr < 3.5) {
    let p = this.constants.pE;
    if (yr > 2.5) {
      p = this.constants.pI;
    }
    return (s[yr][x] + input[yr - 2][x]) * p;
  }
  const dt = this.constants.dt;
  const gL = this.constants.gL;
  const dT = this.constants.deltaT;
  const iDT = this.constants.invDeltaT;
  const vTh = this.constants.vThresh;
  const vCl = this.constants.vClamp;
  const vRest = this.constants.vRest;
  const eE = this.constants.eRevE;
  const eI = this.constants.eRevI;
  const invCm = this.constants.invCm;
  const aUS = this.constants.aUS;
  const iTW = this.constants.invTauW;
  const ge0 = s[2][x] + input[0][x];
  const gi0 = s[3][x] + input[1][x];
  let r = s[4][x];
  if (r < 0) {
    r = -r - 1;
  }
  let y0 = s[0][x];
  let y1 = s[1][x];
  let rOut = 0;
  let hh = s[5][x];
  if (r > 0) {
    rOut = r - 1;
    y1 = this.constants.wClamp + (y1 - this.constants.wClamp) * this.constants.pW;
  } else {
    const iE = iExt[x];
    let t = 0;
    let spiked = 0;
    let clamped = 0;
    while (t < dt) {
      let h0 = hh;
      let last = 0;
      if (h0 >= dt - t) {
        h0 = dt - t;
        last = 1;
      }
      const xe = -this.constants.invTauE;
      const xi = -this.constants.invTauI;
      const e0 = ge0 * Math.exp(xe * t);
      const e1 = ge0 * Math.exp(xe * (t + this.constants.A2 * h0));
      const e2 = ge0 * Math.exp(xe * (t + this.constants.A3 * h0));
      const e3 = ge0 * Math.exp(xe * (t + this.constants.A4 * h0));
      const e4 = ge0 * Math.exp(xe * (t + h0));
      const e5 = ge0 * Math.exp(xe * (t + this.constants.A6 * h0));
      const i0 = gi0 * Math.exp(xi * t);
      const i1 = gi0 * Math.exp(xi * (t + this.constants.A2 * h0));
      const i2 = gi0 * Math.exp(xi * (t + this.constants.A3 * h0));
      const i3 = gi0 * Math.exp(xi * (t + this.constants.A4 * h0));
      const i4 = gi0 * Math.exp(xi * (t + h0));
      const i5 = gi0 * Math.exp(xi * (t + this.constants.A6 * h0));
      const k1v = adexDvdt(y0, y1, e0, i0, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm);
      const k1w = adexDwdt(y0, y1, aUS, vRest, vCl, iTW);
      let yv = y0 + h0 * this.constants.B21 * k1v;
      let yw = y1 + h0 * this.constants.B21 * k1w;
      const k2v = adexDvdt(yv, yw, e1, i1, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm);
      const k2w = adexDwdt(yv, yw, aUS, vRest, vCl, iTW);
      yv = y0 + h0 * (this.constants.B31 * k1v + this.constants.B32 * k2v);
      yw = y1 + h0 * (this.constants.B31 * k1w + this.constants.B32 * k2w);
      const k3v = adexDvdt(yv, yw, e2, i2, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm);
      const k3w = adexDwdt(yv, yw, aUS, vRest, vCl, iTW);
      yv = y0 + h0 * (this.constants.B41 * k1v + this.constants.B42 * k2v + this.constants.B43 * k3v);
      yw = y1 + h0 * (this.constants.B41 * k1w + this.constants.B42 * k2w + this.constants.B43 * k3w);
      const k4v = adexDvdt(yv, yw, e3, i3, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm);
      const k4w = adexDwdt(yv, yw, aUS, vRest, vCl, iTW);
      yv = y0 + h0 * (this.constants.B51 * k1v + this.constants.B52 * k2v + this.constants.B53 * k3v + this.constants.B54 * k4v);
      yw = y1 + h0 * (this.constants.B51 * k1w + this.constants.B52 * k2w + this.constants.B53 * k3w + this.constants.B54 * k4w);
      const k5v = adexDvdt(yv, yw, e4, i4, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm);
      const k5w = adexDwdt(yv, yw, aUS, vRest, vCl, iTW);
      yv = y0 + h0 * (this.constants.B61 * k1v + this.constants.B62 * k2v + this.constants.B63 * k3v + this.constants.B64 * k4v + this.constants.B65 * k5v);
      yw = y1 + h0 * (this.constants.B61 * k1w + this.constants.B62 * k2w + this.constants.B63 * k3w + this.constants.B64 * k4w + this.constants.B65 * k5w);
      const k6v = adexDvdt(yv, yw, e5, i5, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm);
      const k6w = adexDwdt(yv, yw, aUS, vRest, vCl, iTW);
      const nv = y0 + h0 * (this.constants.C1 * k1v + this.constants.C3 * k3v + this.constants.C4 * k4v + this.constants.C5 * k5v + this.constants.C6 * k6v);
      const nw = y1 + h0 * (this.constants.C1 * k1w + this.constants.C3 * k3w + this.constants.C4 * k4w + this.constants.C5 * k5w + this.constants.C6 * k6w);
      const ev = h0 * (this.constants.E1 * k1v + this.constants.E3 * k3v + this.constants.E4 * k4v + this.constants.E5 * k5v + this.constants.E6 * k6v);
      const ew = 1000 * h0 * (this.constants.E1 * k1w + this.constants.E3 * k3w + this.constants.E4 * k4w + this.constants.E5 * k5w + this.constants.E6 * k6w);
      let tNew = t + h0;
      if (last > 0.5) {
        tNew = dt;
      }
      const tol = this.constants.tol;
      const rv = Math.abs(ev) / (tol + tol * Math.abs(h0 * adexDvdt(nv, nw, e4, i4, iE, gL, dT, iDT, vTh, vCl, vRest, eE, eI, invCm)));
      const rw = Math.abs(ew) / (tol + tol * Math.abs(1000 * h0 * adexDwdt(nv, nw, aUS, vRest, vCl, iTW)));
      let rmax = rv;
      if (rw > rv) {
        rmax = rw;
      }
      const hNext = rkNextStep(h0, rmax);
      if (rmax > 1.1 && hNext < h0 && tNew + hNext !== tNew) {
        hh = hNext;
        continue;
      }
      y0 = nv;
      y1 = nw;
      hh = hNext;
      if (rmax > 1.1) {
        hh = h0;
      }
      t = tNew;
      if (y0 >= this.constants.vPeak) {
        spiked = 1;
        y0 = this.constants.vReset;
        y1 = y1 + this.constants.b;
        if (this.constants.refSteps > 0) {
          y1 = this.constants.wClamp + (y1 - this.constants.wClamp) * Math.exp(-(dt - t) * iTW);
          clamped = 1;
          break;
        }
      }
    }
    if (spiked > 0.5) {
      rOut = -1;
      if (clamped > 0.5) {
        rOut = -this.constants.refSteps - 1;
      }
    }
  }
  let res = y0;
  if (yr > 0.5) {
    res = y1;
  }
  if (yr > 3.5) {
    res = rOut;
  }
  if (yr > 4.5) {
    res = hh;
  }
  return res;
}

/** AdEx's device form. */
export const ADEX_GPU: GpuModelSpec = {
  model: 'AdEx',
  rows: [
    { name: 'v', kind: 'state', host: 'v' },
    { name: 'w', kind: 'state', host: 'w' },
    { name: 'gSynE', kind: 'state', host: 'gSynE' },
    { name: 'gSynI', kind: 'state', host: 'gSynI' },
    { name: 'rs', kind: 'rs' },
    { name: 'h', kind: 'aux', init: (_p, dt) => Math.min(0.01, dt) },
  ],
  kernel: adExStep,
  helpers: [adexDvdt, adexDwdt, rkNextStep],
  constants(params, dt) {
    const c = adExConstants(params as unknown as AdExParams, dt);
    return {
      ...rkConstants(),
      dt, gL: c.gL, invCm: c.invCm, vRest: c.vRest, vReset: c.vReset, vClamp: c.vClamp, vPeak: c.vPeak, vThresh: c.vThresh,
      deltaT: c.deltaT, invDeltaT: c.invDeltaT, aUS: c.aUS, b: c.b, invTauW: c.invTauW, pW: c.pW, wClamp: c.wClamp,
      eRevE: c.eRevE, eRevI: c.eRevI, invTauE: c.invTauE, invTauI: c.invTauI, pE: c.pE, pI: c.pI, refSteps: c.refSteps, tol: ADEX_TOLERANCE,
    };
  },
  loopMaxIterations: 100_000,
};
