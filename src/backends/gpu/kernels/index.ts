/** The device forms of the neuron models, by model name. */
import { ADEX_GPU } from './adEx.js';
import { IF_COND_EXP_GPU } from './ifCondExp.js';
import { IF_CURR_ALPHA_GPU } from './ifCurrAlpha.js';
import { IF_CURR_EXP_GPU } from './ifCurrExp.js';
import { IF_CURR_EXP_SPINNAKER_GPU } from './ifCurrExpSpinnaker.js';
import { IZHIKEVICH_GPU } from './izhikevich.js';
import type { GpuModelSpec } from './spec.js';

/** Every model with a device form (spike sources stay on the CPU: they draw from the seeded Rng). */
export const GPU_MODELS: Readonly<Record<string, GpuModelSpec>> = {
  IFCurrExp: IF_CURR_EXP_GPU,
  IFCurrAlpha: IF_CURR_ALPHA_GPU,
  IFCondExp: IF_COND_EXP_GPU,
  Izhikevich: IZHIKEVICH_GPU,
  AdEx: ADEX_GPU,
};

/** The device forms under `semantics: 'spinnaker'` (models without one there run their cpu kernel). */
export const GPU_SPINNAKER_MODELS: Readonly<Record<string, GpuModelSpec>> = {
  IFCurrExp: IF_CURR_EXP_SPINNAKER_GPU,
};
