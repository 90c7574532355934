/**
 * Engram: a simulator of spiking memory. This module is the public API; everything a
 * user needs is importable from here.
 */
export { EngramError, ParameterError, StateError } from './core/errors.js';
export { Rng, type Seed } from './core/rng.js';
export {
  uniform,
  normal,
  normalClipped,
  exponential,
  isDistribution,
  type Distribution,
  type ValueSpec,
} from './core/distributions.js';

export type { NeuronModel, NeuronKernel, KernelArrays, Receptor, SynapseKind, ParamsOf, Semantics } from './neurons/model.js';
export { IFCurrExp, stepIFCurrExp, ifCurrExpPropagators, type IFCurrExpParams, type IFCurrExpPropagators } from './neurons/ifCurrExp.js';
export {
  stepIFCurrExpSpinnaker,
  ifCurrExpSpinnakerConstants,
  type IFCurrExpSpinnakerConstants,
} from './neurons/ifCurrExpSpinnaker.js';
export {
  IFCurrAlpha,
  stepIFCurrAlpha,
  ifCurrAlphaPropagators,
  alphaCurrentPropagator,
  type IFCurrAlphaParams,
  type IFCurrAlphaPropagators,
} from './neurons/ifCurrAlpha.js';
export {
  IFCondExp,
  stepIFCondExp,
  ifCondExpConstants,
  IF_COND_EXP_TOLERANCE,
  type IFCondExpParams,
  type IFCondExpConstants,
} from './neurons/ifCondExp.js';
export {
  Izhikevich,
  stepIzhikevich,
  IZHIKEVICH_V_PEAK,
  IZHIKEVICH_CURRENT_SCALE,
  type IzhikevichParams,
} from './neurons/izhikevich.js';
export { AdEx, stepAdEx, adExConstants, ADEX_TOLERANCE, type AdExParams, type AdExConstants } from './neurons/adEx.js';
export { SpikeSourcePoisson, type SpikeSourcePoissonParams } from './neurons/spikeSourcePoisson.js';
export { SpikeSourceArray, type SpikeSourceArrayParams } from './neurons/spikeSourceArray.js';

export type { Connector, ConnectionSet, SelfConnectionOptions } from './synapses/connector.js';
export { allToAll } from './synapses/connectors/allToAll.js';
export { oneToOne } from './synapses/connectors/oneToOne.js';
export { fixedProbability } from './synapses/connectors/fixedProbability.js';
export { fixedNumberPre } from './synapses/connectors/fixedNumberPre.js';
export { fixedNumberPost } from './synapses/connectors/fixedNumberPost.js';
export { fromList, type ConnectionTuple } from './synapses/connectors/fromList.js';
export type { PlasticityRule, PlasticityState, PlasticSynapses, PlasticPost, SpikingGroup } from './synapses/plasticity/plasticityRule.js';
export { STDPMechanism, StdpState, StdpDelayGroups, type STDPMechanismOptions } from './synapses/plasticity/stdpMechanism.js';
export { pairWindow, type TimingDependence, type TraceRuleSpec, type Interaction } from './synapses/plasticity/traceRule.js';
export { SpikePairRule, SPIKE_PAIR_RULE_DEFAULTS, type SpikePairRuleParams } from './synapses/plasticity/spikePairRule.js';
export {
  SpinnakerPairSTDP,
  SpinnakerPairSTDPState,
  SPINNAKER_PAIR_STDP_DEFAULTS,
  type SpinnakerPairSTDPParams,
} from './synapses/plasticity/spinnakerPairStdp.js';
export {
  TripletRule,
  TRIPLET_PARAMETER_SETS,
  TRIPLET_RULE_DEFAULTS,
  type TripletRuleParams,
  type TripletParameterSet,
  type TripletSetName,
} from './synapses/plasticity/tripletRule.js';
export { Vogels2011Rule, VOGELS2011_RULE_DEFAULTS, type Vogels2011RuleParams } from './synapses/plasticity/vogels2011Rule.js';
export {
  AdditiveWeightDependence,
  MultiplicativeWeightDependence,
  GutigWeightDependence,
  type WeightDependence,
  type WeightRuleSpec,
  type AdditiveWeightDependenceParams,
  type MultiplicativeWeightDependenceParams,
  type GutigWeightDependenceParams,
} from './synapses/plasticity/weightDependence.js';
export { buildCsc, type CscIndex } from './synapses/plasticity/csc.js';
export { ClippedHebbianRule, ClippedHebbianState, CLIPPED_HEBBIAN_DEFAULTS, type ClippedHebbianRuleParams } from './synapses/plasticity/clippedHebbianRule.js';
export { OjaRule, ojaUpdate, OJA_RULE_DEFAULTS, type OjaRuleParams } from './synapses/plasticity/ojaRule.js';
export { BCMRule, BCMState, bcmUpdate, BCM_RULE_DEFAULTS, type BCMRuleParams } from './synapses/plasticity/bcmRule.js';
export { SynapticScaling, SynapticScalingState, SYNAPTIC_SCALING_DEFAULTS, type SynapticScalingParams } from './synapses/plasticity/synapticScaling.js';

export {
  Network,
  type NetworkOptions,
  type BackendName,
  type BackendInfo,
  type RunOptions,
  type RunProgress,
  type RunResult,
} from './engine/network.js';
export { Population, type PopulationOptions } from './engine/population.js';
export { Projection, type ProjectionOptions, MAX_DELAY_STEPS } from './engine/projection.js';
export type { Monitor } from './engine/monitor.js';
export { SpikeMonitor, type SpikeMonitorOptions } from './engine/monitors/spikeMonitor.js';
export { StateMonitor, type StateMonitorOptions } from './engine/monitors/stateMonitor.js';
export { PopulationRateMonitor, type RateSeries } from './engine/monitors/populationRateMonitor.js';
export { WeightMonitor, type WeightMonitorOptions } from './engine/monitors/weightMonitor.js';
export { AdaptiveThreshold, ADAPTIVE_THRESHOLD_DEFAULTS, type AdaptiveThresholdParams } from './engine/homeostasis/adaptiveThreshold.js';
export type { CurrentSource } from './engine/stimuli/currentSource.js';
export { DCSource, type DCSourceOptions } from './engine/stimuli/dcSource.js';
export { StepCurrentSource, type StepCurrentSourceOptions } from './engine/stimuli/stepCurrentSource.js';
export { ACSource, type ACSourceOptions } from './engine/stimuli/acSource.js';
export { NoisyCurrentSource, type NoisyCurrentSourceOptions } from './engine/stimuli/noisyCurrentSource.js';

export type {
  Experiment,
  ExperimentMeta,
  ExperimentContext,
  ExperimentOutput,
  ParameterSpec,
  ParameterValues,
  FigureSpec,
  Comparison,
  Progress,
} from './io/experiment.js';
export {
  WEIGHTS_FORMAT,
  connectivityChecksum,
  loadWeights,
  parseWeightsFile,
  weightsFile,
  type WeightsFile,
  type WeightsFileProjection,
} from './io/weightsFile.js';
export {
  SPIKES_FORMAT,
  parseSpikeTrainsFile,
  spikeTimesByNeuron,
  spikeTrainsCsv,
  spikeTrainsFile,
  type SpikeTrainsFile,
} from './io/spikeTrainsFile.js';

export * from './sdr/index.js';
export {
  sdrToVolley,
  sdrToRateCode,
  spikeWindowToSDR,
  type SpikeTimes,
  type VolleyOptions,
  type RateCodeOptions,
  type SpikeWindowOptions,
} from './memory/spikeBridge.js';
export { BitMatrix, popcount32, MAX_BIT_MATRIX_ENTRIES } from './memory/bitMatrix.js';
export {
  WillshawMemory,
  type UnitSet,
  type WillshawRecallOptions,
  type WillshawIterativeOptions,
  type WillshawIterativeResult,
} from './memory/willshaw.js';
export { dendriticSums, thresholdRetrieve, kwtaRetrieve, retrievalScratch, type RetrievalScratch } from './memory/willshawRetrieval.js';
export {
  recallErrors,
  summarizeRecalls,
  binamInformation,
  binamNormalizedInformation,
  type RecallErrors,
  type RecallSummary,
} from './memory/willshawMetrics.js';
export {
  willshawLoad,
  willshawHeteroLoad,
  willshawPatternsForLoad,
  willshawExpectedFalsePositives,
  willshawHeteroExpectedFalsePositives,
  willshawPerfectRetrievalProbability,
  binamExpectedFalsePositives,
  binamExpectedInformation,
  binamOptimalSampleCount,
  type WillshawParams,
  type WillshawHeteroParams,
  type WillshawFalsePositiveParams,
  type WillshawHeteroFalsePositiveParams,
  type BinamParams,
} from './memory/willshawTheory.js';
export { lnGamma, lnChooseReal } from './memory/lgamma.js';
export {
  HopfieldNetwork,
  randomBipolarPattern,
  randomSparsePattern,
  type HopfieldOptions,
  type HopfieldRunOptions,
  type HopfieldRunResult,
} from './memory/hopfield.js';
export {
  erf,
  erfc,
  HOPFIELD_CRITICAL_LOAD,
  hopfieldRetrievalOverlap,
  hopfieldBitErrorProbability,
} from './memory/hopfieldTheory.js';
export {
  CA3ContentAddressableMemory,
  CA3_CAM_RECORDED_POPULATIONS,
  CA3_CAM_SPACING,
  type CA3ContentAddressableMemoryOptions,
  type Ca3CamOperation,
  type Ca3CamOperationKind,
  type Ca3CamOperationOptions,
  type Ca3CamRecordedPopulation,
  type Ca3CamResult,
  type Ca3CamSpikes,
} from './memory/ca3ContentAddressableMemory.js';
export {
  CA3_CAM_CONFIG,
  CA3_CAM_OUTPUT_LAYER,
  CA3_CAM_POPULATION_KEYS,
  validateCa3CamConfig,
  type Ca3CamConfig,
  type Ca3CamNeuronConfig,
  type Ca3CamPopulationKey,
  type Ca3CamStaticSynapseConfig,
  type Ca3CamStdpSynapseConfig,
} from './memory/ca3CamConfig.js';
export {
  parseCa3CamRecording,
  replayCa3CamExperiment,
  replayCa3CamRecording,
  ca3CamRasterFile,
  type Ca3CamRasterFile,
  type Ca3CamExperimentRaster,
  type Ca3CamReplayResult,
  type Ca3CamTickSpikes,
} from './memory/ca3CamReplay.js';
export {
  CA3Autoassociative,
  CA3_NEURON_DEFAULTS,
  CA3_MOSSY_WEIGHT,
  unitPeak,
  type CA3Options,
  type CA3RecallOptions,
  type CA3RecallResult,
} from './memory/ca3Autoassociative.js';
