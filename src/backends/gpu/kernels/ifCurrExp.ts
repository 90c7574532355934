/**
 * IF_curr_exp on the device: the arithmetic of the cpu reference (`stepIFCurrExpF32`,
 * the same f32 constants and the same order of operations), so the webasm mode, which
 * computes in f32, gives the cpu's spikes bit for bit when the input comes through the
 * ring. Variables: v, syn = (iSynE, iSynI), rs.
 */
import { f32Constants } from '../../cpu/wasm/ifCurrExpSimd.js';
import { ifCurrExpPropagators, type IFCurrExpParams } from '../../../neurons/ifCurrExp.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/** v (out 0) or rs (out 1). */
function ifCurrExpMain(this: KernelThis, v: Arg1, syn: Arg2, rs: Arg1, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const ie = syn[0][x] + input[0][x];
  const ii = syn[1][x] + input[1][x];
  let r = rs[x];
  if (r < 0) {
    r = -r - 1;
  }
  let vOut = v[x];
  let rOut = 0;
  if (r > 0) {
    rOut = r - 1;
  } else {
    const vn = (v[x] - this.constants.vRest) * this.constants.p33 + this.constants.vRest + iExt[x] * this.constants.p30 + ie * this.constants.p31e + ii * this.constants.p31i;
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

/** (iSynE, iSynI) after the step: input added, then one step of decay. */
function ifCurrExpSyn(this: KernelThis, v: Arg1, syn: Arg2, rs: Arg1, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  let p = this.constants.p11e;
  if (y > 0.5) {
    p = this.constants.p11i;
  }
  return (syn[y][x] + input[y][x]) * p;
}

/** IF_curr_exp's device form. */
export const IF_CURR_EXP_GPU: GpuModelSpec = {
  model: 'IFCurrExp',
  vars: [
    { name: 'v', kind: 'state', host: ['v'] },
    { name: 'syn', kind: 'pair', host: ['iSynE', 'iSynI'] },
    { name: 'rs', kind: 'rs' },
  ],
  kernels: {
    v: { fn: ifCurrExpMain, out: 0 },
    syn: { fn: ifCurrExpSyn, out: 0 },
    rs: { fn: ifCurrExpMain, out: 1 },
  },
  constants(params, dt) {
    const p = params as unknown as IFCurrExpParams;
    const c = f32Constants(ifCurrExpPropagators(p, dt), p.vRest, p.vReset, p.vThresh);
    return { p33: c.p33, p30: c.p30, p31e: c.p31e, p31i: c.p31i, p11e: c.p11e, p11i: c.p11i, vRest: c.vRest, vReset: c.vReset, vThresh: c.vThresh, refSteps: c.refSteps };
  },
  loopMaxIterations: 0,
};
