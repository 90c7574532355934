/**
 * IF_curr_exp on the device: the arithmetic of the cpu reference (`stepIFCurrExpF32`,
 * the same f32 constants and the same order of operations), so the webasm mode, which
 * computes in f32, gives the cpu's spikes bit for bit when the input comes through the
 * ring. Rows: v, iSynE, iSynI, rs.
 */
import { f32Constants } from '../../cpu/wasm/ifCurrExpSimd.js';
import { ifCurrExpPropagators, type IFCurrExpParams } from '../../../neurons/ifCurrExp.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/**
 * Row y of the next state: 0 v, 1 iSynE, 2 iSynI (input added, then one step of decay),
 * 3 rs. v uses the current before this step's decay, as the cpu kernel.
 */
function ifCurrExpStep(this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  if (y > 0.5 && y < 2.5) {
    let p = this.constants.p11e;
    if (y > 1.5) {
      p = this.constants.p11i;
    }
    return (s[y][x] + input[y - 1][x]) * p;
  }
  const ie = s[1][x] + input[0][x];
  const ii = s[2][x] + input[1][x];
  let r = s[3][x];
  if (r < 0) {
    r = -r - 1;
  }
  let vOut = s[0][x];
  let rOut = 0;
  if (r > 0) {
    rOut = r - 1;
  } else {
    const vn = (s[0][x] - this.constants.vRest) * this.constants.p33 + this.constants.vRest + iExt[x] * this.constants.p30 + ie * this.constants.p31e + ii * this.constants.p31i;
    if (vn >= this.constants.vThresh) {
      vOut = this.constants.vReset;
      rOut = -this.constants.refSteps - 1;
    } else {
      vOut = vn;
    }
  }
  if (y > 2.5) {
    return rOut;
  }
  return vOut;
}

/** IF_curr_exp's device form. */
export const IF_CURR_EXP_GPU: GpuModelSpec = {
  model: 'IFCurrExp',
  rows: [
    { name: 'v', kind: 'state', host: 'v' },
    { name: 'iSynE', kind: 'state', host: 'iSynE' },
    { name: 'iSynI', kind: 'state', host: 'iSynI' },
    { name: 'rs', kind: 'rs' },
  ],
  kernel: ifCurrExpStep,
  constants(params, dt) {
    const p = params as unknown as IFCurrExpParams;
    const c = f32Constants(ifCurrExpPropagators(p, dt), p.vRest, p.vReset, p.vThresh);
    return { p33: c.p33, p30: c.p30, p31e: c.p31e, p31i: c.p31i, p11e: c.p11e, p11i: c.p11i, vRest: c.vRest, vReset: c.vReset, vThresh: c.vThresh, refSteps: c.refSteps };
  },
  loopMaxIterations: 0,
};
