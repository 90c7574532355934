/**
 * IF_curr_exp under `semantics: 'spinnaker'` on the device: sPyNNaker's per-tick update
 * (`stepIFCurrExpSpinnaker`, see its module for the sources): the arriving weights scaled
 * by init into the currents, v integrated with the current held over the tick unless
 * refractory, threshold and reset, then the currents decay. The cpu kernel computes in
 * double precision and stores f32; the device computes in f32, so spikes agree except
 * where v lands within rounding of the threshold. Rows: v, iSynE, iSynI, rs.
 */
import { ifCurrExpSpinnakerConstants } from '../../../neurons/ifCurrExpSpinnaker.js';
import type { IFCurrExpParams } from '../../../neurons/ifCurrExp.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/**
 * Row y of the next state: 0 v, 1 iSynE, 2 iSynI (input scaled by init, then one tick of
 * decay), 3 rs. Inhibitory weights are magnitudes, subtracted.
 */
function ifCurrExpSpinnakerStep(this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  const ie = s[1][x] + this.constants.initE * input[0][x];
  const ii = s[2][x] + this.constants.initI * input[1][x];
  if (y > 0.5 && y < 1.5) {
    return ie * this.constants.decayE;
  }
  if (y > 1.5 && y < 2.5) {
    return ii * this.constants.decayI;
  }
  let r = s[3][x];
  if (r < 0) {
    r = -r - 1;
  }
  let vOut = s[0][x];
  let rOut = 0;
  if (r > 0) {
    rOut = r - 1;
  } else {
    const alpha = (ie - ii + iExt[x]) * this.constants.r + this.constants.vRest;
    const vn = alpha - this.constants.expTc * (alpha - s[0][x]);
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

/** IF_curr_exp's device form under sPyNNaker semantics. */
export const IF_CURR_EXP_SPINNAKER_GPU: GpuModelSpec = {
  model: 'IFCurrExp',
  rows: [
    { name: 'v', kind: 'state', host: 'v' },
    { name: 'iSynE', kind: 'state', host: 'iSynE' },
    { name: 'iSynI', kind: 'state', host: 'iSynI' },
    { name: 'rs', kind: 'rs' },
  ],
  kernel: ifCurrExpSpinnakerStep,
  constants(params, dt) {
    const c = ifCurrExpSpinnakerConstants(params as unknown as IFCurrExpParams, dt);
    return { expTc: c.expTc, r: c.r, initE: c.initE, initI: c.initI, decayE: c.decayE, decayI: c.decayI, refSteps: c.refSteps, vRest: c.vRest, vReset: c.vReset, vThresh: c.vThresh };
  },
  loopMaxIterations: 0,
};
