/**
 * The configuration of the CA3 content-addressable memory (Casanueva-Morato et al. 2024):
 * the authors' `config/network_config.json` (dancasmor/sPyMem, `CA3_content_addressable`),
 * shipped verbatim with its key names (PyNN parameter names, sPyNNaker label keys ending in
 * `L`). Units: cm nF, tau_* ms, v_* mV, i_offset and weights nA, delays ms.
 */
import { ParameterError } from '../core/errors.js';

/** The eight CA3 populations, by their configuration keys. */
export const CA3_CAM_POPULATION_KEYS = [
  'CA3cueCueRecallL',
  'CA3cueContRecallL',
  'CA3contCueRecallL',
  'CA3contContRecallL',
  'CA3contCondL',
  'CA3contCondIntL',
  'CA3mergeCueL',
  'CA3mergeContL',
] as const;

/** A configuration key of a CA3 population. */
export type Ca3CamPopulationKey = (typeof CA3_CAM_POPULATION_KEYS)[number];

/** PyNN `IF_curr_exp` parameters as the configuration writes them. */
export interface Ca3CamNeuronConfig {
  /** nF */
  readonly cm: number;
  /** nA */
  readonly i_offset: number;
  /** ms */
  readonly tau_m: number;
  /** ms */
  readonly tau_refrac: number;
  /** ms */
  readonly tau_syn_E: number;
  /** ms */
  readonly tau_syn_I: number;
  /** mV */
  readonly v_reset: number;
  /** mV */
  readonly v_rest: number;
  /** mV */
  readonly v_thresh: number;
}

/** A static synapse: PyNN `StaticSynapse(weight, delay)` on a receptor. */
export interface Ca3CamStaticSynapseConfig {
  /** nA (a magnitude; the receptor gives the sign) */
  readonly initWeight: number;
  /** ms */
  readonly delay: number;
  readonly receptor_type: 'excitatory' | 'inhibitory';
}

/** A plastic synapse: `STDPMechanism(SpikePairRule, AdditiveWeightDependence)`. */
export interface Ca3CamStdpSynapseConfig {
  /** ms */
  readonly tau_plus: number;
  /** ms */
  readonly tau_minus: number;
  /** nA (absolute under sPyNNaker >= 7) */
  readonly A_plus: number;
  /** nA */
  readonly A_minus: number;
  /** nA */
  readonly w_max: number;
  /** nA */
  readonly w_min: number;
  /** nA */
  readonly initWeight: number;
  /** ms */
  readonly delay: number;
  readonly receptor_type: 'STDP';
}

/** Static synapse keys of the configuration (`source-target`, `-inh` for the inhibitory copy). */
export const CA3_CAM_STATIC_KEYS = [
  'IL-CA3cueCueRecallL',
  'CA3cueCueRecallL-CA3cueContRecallL',
  'CA3cueCueRecallL-CA3cueContRecallL-inh',
  'IL-CA3contCueRecallL',
  'CA3contCueRecallL-CA3contCondL',
  'CA3cueCueRecallL-CA3contCondL',
  'CA3contCondL-CA3contContRecallL',
  'CA3contCueRecallL-CA3contCondIntL',
  'CA3contCondIntL-CA3contCondL',
  'CA3cueContRecallL-CA3cueContRecallL',
  'CA3cueCueRecallL-CA3mergeCueL',
  'CA3cueContRecallL-CA3mergeCueL',
  'CA3contCueRecallL-CA3mergeContL',
  'CA3contContRecallL-CA3mergeContL',
  'CA3mergeCueL-OL',
  'CA3mergeContL-OL',
] as const;

/** Plastic synapse keys of the configuration. */
export const CA3_CAM_STDP_KEYS = ['CA3cueCueRecallL-CA3contCueRecallL', 'CA3contContRecallL-CA3cueContRecallL'] as const;

/** The whole configuration (the shape of the authors' `network_config.json`). */
export interface Ca3CamConfig {
  readonly neuronParameters: Readonly<Record<Ca3CamPopulationKey, Ca3CamNeuronConfig>>;
  readonly initNeuronParameters: Readonly<Record<Ca3CamPopulationKey, { readonly vInit: number }>>;
  readonly synParameters: Readonly<
    Record<(typeof CA3_CAM_STATIC_KEYS)[number], Ca3CamStaticSynapseConfig> &
      Record<(typeof CA3_CAM_STDP_KEYS)[number], Ca3CamStdpSynapseConfig>
  >;
}

/** The authors' configuration (sPyMem `CA3_content_addressable/config/network_config.json`). */
export const CA3_CAM_CONFIG: Ca3CamConfig = deepFreeze({
  neuronParameters: {
    CA3cueCueRecallL: {
      cm: 0.27,
      i_offset: 0.0,
      tau_m: 3.0,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3cueContRecallL: {
      cm: 0.14,
      i_offset: 0.0,
      tau_m: 0.5,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3contCueRecallL: {
      cm: 0.27,
      i_offset: 0.0,
      tau_m: 3.0,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3contContRecallL: {
      cm: 0.27,
      i_offset: 0.0,
      tau_m: 3.0,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3contCondL: {
      cm: 0.14,
      i_offset: 0.0,
      tau_m: 0.5,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3contCondIntL: {
      cm: 0.14,
      i_offset: 0.0,
      tau_m: 0.5,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3mergeCueL: {
      cm: 0.27,
      i_offset: 0.0,
      tau_m: 3.0,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
    CA3mergeContL: {
      cm: 0.27,
      i_offset: 0.0,
      tau_m: 3.0,
      tau_refrac: 1.0,
      tau_syn_E: 0.3,
      tau_syn_I: 0.3,
      v_reset: -60.0,
      v_rest: -60.0,
      v_thresh: -57.0,
    },
  },
  initNeuronParameters: {
    CA3cueCueRecallL: {
      vInit: -60,
    },
    CA3cueContRecallL: {
      vInit: -60,
    },
    CA3contCueRecallL: {
      vInit: -60,
    },
    CA3contContRecallL: {
      vInit: -60,
    },
    CA3contCondL: {
      vInit: -60,
    },
    CA3contCondIntL: {
      vInit: -60,
    },
    CA3mergeCueL: {
      vInit: -60,
    },
    CA3mergeContL: {
      vInit: -60,
    },
  },
  synParameters: {
    "IL-CA3cueCueRecallL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3cueCueRecallL-CA3cueContRecallL": {
      initWeight: 6.0,
      delay: 2.0,
      receptor_type: 'excitatory',
    },
    "CA3cueCueRecallL-CA3cueContRecallL-inh": {
      initWeight: 6.0,
      delay: 3.0,
      receptor_type: 'inhibitory',
    },
    "IL-CA3contCueRecallL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3contCueRecallL-CA3contCondL": {
      initWeight: 9.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3cueCueRecallL-CA3contCondL": {
      initWeight: 6.0,
      delay: 2.0,
      receptor_type: 'inhibitory',
    },
    "CA3contCondL-CA3contContRecallL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3contCueRecallL-CA3contCondIntL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3contCondIntL-CA3contCondL": {
      initWeight: 2.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3cueCueRecallL-CA3contCueRecallL": {
      tau_plus: 3.0,
      tau_minus: 3.0,
      A_plus: 6.0,
      A_minus: 6.0,
      w_max: 6.0,
      w_min: 0.0,
      initWeight: 0.0,
      delay: 1.0,
      receptor_type: 'STDP',
    },
    "CA3contContRecallL-CA3cueContRecallL": {
      tau_plus: 3.0,
      tau_minus: 3.0,
      A_plus: 6.0,
      A_minus: 6.0,
      w_max: 6.0,
      w_min: 0.0,
      initWeight: 0.0,
      delay: 1.0,
      receptor_type: 'STDP',
    },
    "CA3cueContRecallL-CA3cueContRecallL": {
      initWeight: 6.0,
      delay: 2.0,
      receptor_type: 'inhibitory',
    },
    "CA3cueCueRecallL-CA3mergeCueL": {
      initWeight: 6.0,
      delay: 3.0,
      receptor_type: 'excitatory',
    },
    "CA3cueContRecallL-CA3mergeCueL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3contCueRecallL-CA3mergeContL": {
      initWeight: 6.0,
      delay: 3.0,
      receptor_type: 'excitatory',
    },
    "CA3contContRecallL-CA3mergeContL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3mergeCueL-OL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
    "CA3mergeContL-OL": {
      initWeight: 6.0,
      delay: 1.0,
      receptor_type: 'excitatory',
    },
  },
} as const);

/**
 * The output layer of the authors' tests (`test_CA3_content_addressable.py`): IF_curr_exp
 * like the slow CA3 neurons but with v_thresh -57.5 mV.
 */
export const CA3_CAM_OUTPUT_LAYER: Ca3CamNeuronConfig = Object.freeze({
  cm: 0.27,
  i_offset: 0.0,
  tau_m: 3.0,
  tau_refrac: 1.0,
  tau_syn_E: 0.3,
  tau_syn_I: 0.3,
  v_reset: -60.0,
  v_rest: -60.0,
  v_thresh: -57.5,
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const NEURON_FIELDS = ['cm', 'i_offset', 'tau_m', 'tau_refrac', 'tau_syn_E', 'tau_syn_I', 'v_reset', 'v_rest', 'v_thresh'] as const;
const STATIC_FIELDS = ['initWeight', 'delay'] as const;
const STDP_FIELDS = ['tau_plus', 'tau_minus', 'A_plus', 'A_minus', 'w_max', 'w_min', 'initWeight', 'delay'] as const;

function numbers(where: string, o: unknown, fields: readonly string[]): void {
  if (!o || typeof o !== 'object') throw new ParameterError(where, o, 'an object', 'CA3ContentAddressableMemory config');
  for (const f of fields) {
    const v = (o as Record<string, unknown>)[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ParameterError(`${where}.${f}`, v, 'a finite number', 'CA3ContentAddressableMemory config');
    }
  }
}

/**
 * Checks that `config` has the shape of {@link Ca3CamConfig} (every key, finite numbers,
 * receptor types); the model parameters themselves are validated when the populations
 * and projections are built. Throws a ParameterError naming the first bad entry.
 */
export function validateCa3CamConfig(config: unknown): Ca3CamConfig {
  const ctx = 'CA3ContentAddressableMemory config';
  if (!config || typeof config !== 'object') throw new ParameterError('config', config, 'an object shaped like network_config.json', ctx);
  const c = config as Record<string, Record<string, unknown> | undefined>;
  for (const section of ['neuronParameters', 'initNeuronParameters', 'synParameters']) {
    if (!c[section] || typeof c[section] !== 'object') throw new ParameterError(section, c[section], 'an object', ctx);
  }
  for (const k of CA3_CAM_POPULATION_KEYS) {
    numbers(`neuronParameters.${k}`, c.neuronParameters![k], NEURON_FIELDS);
    numbers(`initNeuronParameters.${k}`, c.initNeuronParameters![k], ['vInit']);
  }
  for (const k of CA3_CAM_STATIC_KEYS) {
    const s = c.synParameters![k] as Record<string, unknown> | undefined;
    numbers(`synParameters.${k}`, s, STATIC_FIELDS);
    if (s!.receptor_type !== 'excitatory' && s!.receptor_type !== 'inhibitory') {
      throw new ParameterError(`synParameters.${k}.receptor_type`, s!.receptor_type, "'excitatory' or 'inhibitory'", ctx);
    }
  }
  for (const k of CA3_CAM_STDP_KEYS) {
    const s = c.synParameters![k] as Record<string, unknown> | undefined;
    numbers(`synParameters.${k}`, s, STDP_FIELDS);
    if (s!.receptor_type !== 'STDP') throw new ParameterError(`synParameters.${k}.receptor_type`, s!.receptor_type, "'STDP'", ctx);
  }
  return config as Ca3CamConfig;
}
