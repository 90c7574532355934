/**
 * Izhikevich on the device: NEST's forward-Euler step of the cpu reference
 * (`stepIzhikevich`), in f32. Rows: v, u, rs (here only the spike flag: -1 when the
 * neuron spiked in this step; the model has no refractoriness).
 */
import { IZHIKEVICH_CURRENT_SCALE, IZHIKEVICH_V_PEAK, type IzhikevichParams } from '../../../neurons/izhikevich.js';
import type { Arg1, Arg2, GpuModelSpec, KernelThis } from './spec.js';

/** Row y of the next state: 0 v, 1 u, 2 rs. */
function izhikevichStep(this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2): number {
  const x = this.thread.x;
  const y = this.thread.y;
  const vi = s[0][x] + input[0][x] + input[1][x];
  const ui = s[1][x];
  const I = this.constants.scale * iExt[x];
  const vn = vi + this.constants.dt * (0.04 * vi * vi + 5 * vi + 140 - ui + I);
  const un = ui + this.constants.dt * this.constants.a * (this.constants.b * vi - ui);
  let vOut = vn;
  let uOut = un;
  let rOut = 0;
  if (vn >= this.constants.vPeak) {
    vOut = this.constants.c;
    uOut = un + this.constants.d;
    rOut = -1;
  }
  let res = vOut;
  if (y > 0.5) {
    res = uOut;
  }
  if (y > 1.5) {
    res = rOut;
  }
  return res;
}

/** Izhikevich's device form. */
export const IZHIKEVICH_GPU: GpuModelSpec = {
  model: 'Izhikevich',
  rows: [
    { name: 'v', kind: 'state', host: 'v' },
    { name: 'u', kind: 'state', host: 'u' },
    { name: 'rs', kind: 'rs' },
  ],
  kernel: izhikevichStep,
  constants(params, dt) {
    const p = params as unknown as IzhikevichParams;
    return { a: p.a, b: p.b, c: p.c, d: p.d, dt, scale: IZHIKEVICH_CURRENT_SCALE, vPeak: IZHIKEVICH_V_PEAK };
  },
  loopMaxIterations: 0,
};
