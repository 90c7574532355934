/**
 * IF_curr_alpha on the device: the exact 3x3 propagator of the cpu reference
 * (`stepIFCurrAlpha`), in f32. Variables: v, syn = (iSynE, iSynI), dsyn = (dISynE,
 * dISynI), rs.
 */
import { ifCurrAlphaPropagators, type IFCurrAlphaParams } from '../../../neurons/ifCurrAlpha.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/** v (out 0) or rs (out 1). */
function ifCurrAlphaMain(this: KernelThis, v: Arg1, syn: Arg2, dsyn: Arg2, rs: Arg1, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const ye = dsyn[0][x] + this.constants.jumpE * input[0][x];
  const yi = dsyn[1][x] + this.constants.jumpI * input[1][x];
  const ie = syn[0][x];
  const ii = syn[1][x];
  let r = rs[x];
  if (r < 0) {
    r = -r - 1;
  }
  let vOut = v[x];
  let rOut = 0;
  if (r > 0) {
    rOut = r - 1;
  } else {
    const vn = this.constants.vRest + (v[x] - this.constants.vRest) * this.constants.p33 + iExt[x] * this.constants.p30 +
      ye * this.constants.p31e + ie * this.constants.p32e + yi * this.constants.p31i + ii * this.constants.p32i;
    if (vn >= this.constants.vThresh) {
      vOut = this.constants.vReset;
      rOut = -this.constants.refSteps - 1;
    } else {
      vOut = vn;
    }
  }
  if (this.constants.out > 0.5) {
    return rOut;
  }
  return vOut;
}

/** (iSynE, iSynI) after the step. */
function ifCurrAlphaSyn(this: KernelThis, v: Arg1, syn: Arg2, dsyn: Arg2, rs: Arg1, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  let jump = this.constants.jumpE;
  let p11 = this.constants.p11e;
  let p21 = this.constants.p21e;
  if (y > 0.5) {
    jump = this.constants.jumpI;
    p11 = this.constants.p11i;
    p21 = this.constants.p21i;
  }
  return (dsyn[y][x] + jump * input[y][x]) * p21 + syn[y][x] * p11;
}

/** (dISynE, dISynI) after the step. */
function ifCurrAlphaDsyn(this: KernelThis, v: Arg1, syn: Arg2, dsyn: Arg2, rs: Arg1, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  let jump = this.constants.jumpE;
  let p11 = this.constants.p11e;
  if (y > 0.5) {
    jump = this.constants.jumpI;
    p11 = this.constants.p11i;
  }
  return (dsyn[y][x] + jump * input[y][x]) * p11;
}

/** IF_curr_alpha's device form. */
export const IF_CURR_ALPHA_GPU: GpuModelSpec = {
  model: 'IFCurrAlpha',
  vars: [
    { name: 'v', kind: 'state', host: ['v'] },
    { name: 'syn', kind: 'pair', host: ['iSynE', 'iSynI'] },
    { name: 'dsyn', kind: 'pair', host: ['dISynE', 'dISynI'] },
    { name: 'rs', kind: 'rs' },
  ],
  kernels: {
    v: { fn: ifCurrAlphaMain, out: 0 },
    syn: { fn: ifCurrAlphaSyn, out: 0 },
    dsyn: { fn: ifCurrAlphaDsyn, out: 0 },
    rs: { fn: ifCurrAlphaMain, out: 1 },
  },
  constants(params, dt) {
    const p = params as unknown as IFCurrAlphaParams;
    const { refSteps, ...pr } = ifCurrAlphaPropagators(p, dt);
    return { ...pr, refSteps, vRest: p.vRest, vReset: p.vReset, vThresh: p.vThresh };
  },
  loopMaxIterations: 0,
};
