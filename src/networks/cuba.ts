/**
 * The Vogels & Abbott (2005) CUBA benchmark network, as in Brian2's `examples/CUBA.py`,
 * scaled to N neurons with a fixed mean in-degree K (p = K/N), so the input statistics
 * and the firing rate stay the same at every N.
 *
 * Brian writes it in voltage units: dv/dt = (ge + gi - (v - El))/taum with jumps
 * we = 1.62 mV, wi = -9 mV. In PyNN units (`IFCurrExp`, cm = 1 nF) the same network has
 * vRest = El = -49 mV, tauM = 20 ms and current jumps w = jump x cm / tauM:
 * 0.081 nA excitatory and -0.45 nA inhibitory. Delay: one step (Engram's minimum; Brian
 * uses zero, which has no effect on the rate).
 */
import { uniform } from '../core/distributions.js';
import { Network } from '../engine/network.js';
import type { Population } from '../engine/population.js';
import type { Projection } from '../engine/projection.js';
import { IFCurrExp, type IFCurrExpParams } from '../neurons/ifCurrExp.js';
import { fixedProbability } from '../synapses/connectors/fixedProbability.js';
import type { Seed } from '../core/rng.js';
import type { GpuBackendOptions } from '../backends/backend.js';
import type { BackendName } from '../engine/network.js';

/** Options of {@link buildCuba}. */
export interface CubaOptions {
  /** number of neurons (80 % excitatory) */
  readonly n: number;
  /** mean in-degree (default 80: p = 0.02 at N = 4000) */
  readonly k?: number;
  readonly seed?: Seed;
  /** ms (default 0.1) */
  readonly dt?: number;
  /** the network's backend (default 'cpu') and gpu options */
  readonly backend?: BackendName;
  readonly gpu?: GpuBackendOptions;
}

/** The CUBA network: excitatory and inhibitory populations and the four projections. */
export interface Cuba {
  readonly network: Network;
  /** the excitatory neurons (80 %) */
  readonly exc: Population<IFCurrExpParams>;
  /** the inhibitory neurons (20 %) */
  readonly inh: Population<IFCurrExpParams>;
  readonly projections: readonly Projection[];
}

/** Parameters of the CUBA neurons in PyNN units. */
export const CUBA_NEURON: Readonly<IFCurrExpParams> = Object.freeze({
  cm: 1.0,
  tauM: 20.0,
  tauRefrac: 5.0,
  tauSynE: 5.0,
  tauSynI: 10.0,
  vRest: -49.0,
  vReset: -60.0,
  vThresh: -50.0,
  iOffset: 0.0,
});

/** Excitatory jump 1.62 mV = 0.081 nA x 20 ms / 1 nF. */
export const CUBA_WEIGHT_E = (60 * 0.27) / 10 / 20;
/** Inhibitory jump -9 mV = -0.45 nA x 20 ms / 1 nF. */
export const CUBA_WEIGHT_I = (-20 * 4.5) / 10 / 20;

/**
 * Builds the CUBA network: excitatory and inhibitory populations (as PyNN's CUBA
 * example; Brian's single group with index ranges is the same network), initial v
 * uniform in [vReset, vThresh], every pair connected with probability K/N.
 */
export function buildCuba(options: CubaOptions): Cuba {
  const { n } = options;
  const k = options.k ?? 80;
  const network = new Network({ dt: options.dt ?? 0.1, seed: options.seed ?? 1, backend: options.backend, gpu: options.gpu });
  const nExc = Math.floor(0.8 * n);
  const initial = { v: uniform(CUBA_NEURON.vReset, CUBA_NEURON.vThresh) };
  const exc = network.population(IFCurrExp, nExc, { params: CUBA_NEURON, initial, label: 'exc' });
  const inh = network.population(IFCurrExp, n - nExc, { params: CUBA_NEURON, initial, label: 'inh' });
  const connector = fixedProbability(Math.min(1, k / n));
  const projections: Projection[] = [];
  for (const post of [exc, inh]) {
    projections.push(network.connect(exc, post, connector, { weight: CUBA_WEIGHT_E, receptor: 'excitatory' }));
    projections.push(network.connect(inh, post, connector, { weight: CUBA_WEIGHT_I, receptor: 'inhibitory' }));
  }
  return { network, exc, inh, projections };
}
