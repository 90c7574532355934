/**
 * IF_curr_alpha on the device: the exact 3x3 propagator of the cpu reference
 * (`stepIFCurrAlpha`), in f32. Rows: v, iSynE, iSynI, dISynE, dISynI, rs.
 */
import { ifCurrAlphaPropagators, type IFCurrAlphaParams } from '../../../neurons/ifCurrAlpha.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/**
 * Row y of the next state: 0 v, 1-2 (iSynE, iSynI), 3-4 (dISynE, dISynI), 5 rs. v uses
 * the currents before this step's update, as the cpu kernel.
 */
function ifCurrAlphaStep(this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  if (y > 0.5 && y < 4.5) {
    // synaptic rows: r = 0 excitatory, 1 inhibitory
    let r = y - 1;
    if (y > 2.5) {
      r = y - 3;
    }
    let jump = this.constants.jumpE;
    let p11 = this.constants.p11e;
    let p21 = this.constants.p21e;
    if (r > 0.5) {
      jump = this.constants.jumpI;
      p11 = this.constants.p11i;
      p21 = this.constants.p21i;
    }
    const d = s[r + 3][x] + jump * input[r][x];
    if (y < 2.5) {
      return d * p21 + s[r + 1][x] * p11;
    }
    return d * p11;
  }
  const ye = s[3][x] + this.constants.jumpE * input[0][x];
  const yi = s[4][x] + this.constants.jumpI * input[1][x];
  const ie = s[1][x];
  const ii = s[2][x];
  let rr = s[5][x];
  if (rr < 0) {
    rr = -rr - 1;
  }
  let vOut = s[0][x];
  let rOut = 0;
  if (rr > 0) {
    rOut = rr - 1;
  } else {
    const vn = this.constants.vRest + (s[0][x] - this.constants.vRest) * this.constants.p33 + iExt[x] * this.constants.p30 +
      ye * this.constants.p31e + ie * this.constants.p32e + yi * this.constants.p31i + ii * this.constants.p32i;
    if (vn >= this.constants.vThresh) {
      vOut = this.constants.vReset;
      rOut = -this.constants.refSteps - 1;
    } else {
      vOut = vn;
    }
  }
  if (y > 4.5) {
    return rOut;
  }
  return vOut;
}

/** IF_curr_alpha's device form. */
export const IF_CURR_ALPHA_GPU: GpuModelSpec = {
  model: 'IFCurrAlpha',
  rows: [
    { name: 'v', kind: 'state', host: 'v' },
    { name: 'iSynE', kind: 'state', host: 'iSynE' },
    { name: 'iSynI', kind: 'state', host: 'iSynI' },
    { name: 'dISynE', kind: 'state', host: 'dISynE' },
    { name: 'dISynI', kind: 'state', host: 'dISynI' },
    { name: 'rs', kind: 'rs' },
  ],
  kernel: ifCurrAlphaStep,
  constants(params, dt) {
    const p = params as unknown as IFCurrAlphaParams;
    const { refSteps, ...pr } = ifCurrAlphaPropagators(p, dt);
    return { ...pr, refSteps, vRest: p.vRest, vReset: p.vReset, vThresh: p.vThresh };
  },
  loopMaxIterations: 0,
};
