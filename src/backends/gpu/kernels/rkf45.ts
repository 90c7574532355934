/**
 * Helpers shared by the device kernels that integrate with RKF45 (IF_cond_exp, AdEx):
 * GSL's step-size rule (`neurons/rkf45.ts`, `nextStepSize`) and the tableau as kernel
 * constants. gpu.js helpers take only numbers and return one number.
 */
import { RKF45 } from '../../../neurons/rkf45.js';

/** GSL's standard control: the next sub-step after a step h with largest scaled error rmax. */
export function rkNextStep(h: number, rmax: number): number {
  let res = h;
  if (rmax > 1.1) {
    let r = 0.9 / Math.pow(rmax, 0.2);
    if (r < 0.2) {
      r = 0.2;
    }
    res = h * r;
  }
  if (rmax < 0.5) {
    if (rmax <= 0.000034012224) {
      res = 5 * h;
    } else {
      let g = 0.9 / Math.pow(rmax, 0.16666666666666666);
      if (g > 5) {
        g = 5;
      }
      if (g < 1) {
        g = 1;
      }
      res = h * g;
    }
  }
  return res;
}

/** The Fehlberg tableau as kernel constants. */
export function rkConstants(): Record<string, number> {
  return { ...RKF45 };
}
