/**
 * IF_cond_exp on the device: the cpu reference's scheme (`stepIFCondExp`): exact decay
 * of the conductances, v by adaptive RKF45 sub-steps with GSL's control and a per-neuron
 * sub-step size carried across steps, in f32 (the cpu computes a step in f64).
 * Rows: v, gSynE, gSynI, rs, h (sub-step size, ms; device only).
 */
import { IF_COND_EXP_TOLERANCE, ifCondExpConstants, type IFCondExpParams } from '../../../neurons/ifCondExp.js';
import { rkConstants, rkNextStep } from './rkf45.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/** dv/dt (mV/ms), v bounded by vThresh as NEST. */
export function condDvdt(v: number, ge: number, gi: number, iE: number, gL: number, vRest: number, eRevE: number, eRevI: number, vThresh: number, invCm: number): number {
  let vb = v;
  if (vb > vThresh) {
    vb = vThresh;
  }
  return (gL * (vRest - vb) + ge * (eRevE - vb) + gi * (eRevI - vb) + iE) * invCm;
}

/** Row y of the next state: 0 v, 1-2 (gSynE, gSynI: input added, then exact decay), 3 rs, 4 h. */
function ifCondExpStep(this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y0 = this.thread.y;
  if (y0 > 0.5 && y0 < 2.5) {
    let p = this.constants.pE;
    if (y0 > 1.5) {
      p = this.constants.pI;
    }
    return (s[y0][x] + input[y0 - 1][x]) * p;
  }
  const dt = this.constants.dt;
  const gL = this.constants.gL;
  const vRest = this.constants.vRest;
  const eRevE = this.constants.eRevE;
  const eRevI = this.constants.eRevI;
  const vTh = this.constants.vThresh;
  const invCm = this.constants.invCm;
  const ge0 = s[1][x] + input[0][x];
  const gi0 = s[2][x] + input[1][x];
  let r = s[3][x];
  if (r < 0) {
    r = -r - 1;
  }
  let vOut = s[0][x];
  let rOut = 0;
  let hh = s[4][x];
  if (r > 0) {
    rOut = r - 1;
  } else {
    const iE = iExt[x];
    let y = s[0][x];
    let t = 0;
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
      const k1 = condDvdt(y, e0, i0, iE, gL, vRest, eRevE, eRevI, vTh, invCm);
      const k2 = condDvdt(y + h0 * this.constants.B21 * k1, e1, i1, iE, gL, vRest, eRevE, eRevI, vTh, invCm);
      const k3 = condDvdt(y + h0 * (this.constants.B31 * k1 + this.constants.B32 * k2), e2, i2, iE, gL, vRest, eRevE, eRevI, vTh, invCm);
      const k4 = condDvdt(y + h0 * (this.constants.B41 * k1 + this.constants.B42 * k2 + this.constants.B43 * k3), e3, i3, iE, gL, vRest, eRevE, eRevI, vTh, invCm);
      const k5 = condDvdt(
        y + h0 * (this.constants.B51 * k1 + this.constants.B52 * k2 + this.constants.B53 * k3 + this.constants.B54 * k4),
        e4, i4, iE, gL, vRest, eRevE, eRevI, vTh, invCm,
      );
      const k6 = condDvdt(
        y + h0 * (this.constants.B61 * k1 + this.constants.B62 * k2 + this.constants.B63 * k3 + this.constants.B64 * k4 + this.constants.B65 * k5),
        e5, i5, iE, gL, vRest, eRevE, eRevI, vTh, invCm,
      );
      const err = h0 * (this.constants.E1 * k1 + this.constants.E3 * k3 + this.constants.E4 * k4 + this.constants.E5 * k5 + this.constants.E6 * k6);
      let tNew = t + h0;
      if (last > 0.5) {
        tNew = dt;
      }
      const rmax = Math.abs(err) / this.constants.tol;
      const hNext = rkNextStep(h0, rmax);
      if (rmax > 1.1 && hNext < h0 && tNew + hNext !== tNew) {
        hh = hNext;
        continue;
      }
      y = y + h0 * (this.constants.C1 * k1 + this.constants.C3 * k3 + this.constants.C4 * k4 + this.constants.C5 * k5 + this.constants.C6 * k6);
      hh = hNext;
      if (rmax > 1.1) {
        hh = h0;
      }
      t = tNew;
    }
    if (y >= vTh) {
      vOut = this.constants.vReset;
      rOut = -this.constants.refSteps - 1;
    } else {
      vOut = y;
    }
  }
  let res = vOut;
  if (y0 > 2.5) {
    res = rOut;
  }
  if (y0 > 3.5) {
    res = hh;
  }
  return res;
}

/** IF_cond_exp's device form. */
export const IF_COND_EXP_GPU: GpuModelSpec = {
  model: 'IFCondExp',
  rows: [
    { name: 'v', kind: 'state', host: 'v' },
    { name: 'gSynE', kind: 'state', host: 'gSynE' },
    { name: 'gSynI', kind: 'state', host: 'gSynI' },
    { name: 'rs', kind: 'rs' },
    { name: 'h', kind: 'aux', init: (_p, dt) => dt },
  ],
  kernel: ifCondExpStep,
  helpers: [condDvdt, rkNextStep],
  constants(params, dt) {
    const c = ifCondExpConstants(params as unknown as IFCondExpParams, dt);
    return {
      ...rkConstants(),
      dt, gL: c.gL, invCm: c.invCm, vRest: c.vRest, vReset: c.vReset, vThresh: c.vThresh, eRevE: c.eRevE, eRevI: c.eRevI,
      invTauE: c.invTauE, invTauI: c.invTauI, pE: c.pE, pI: c.pI, refSteps: c.refSteps, tol: IF_COND_EXP_TOLERANCE,
    };
  },
  // sub-steps (and rejections) per step; the cpu has no cap
  loopMaxIterations: 100_000,
};
