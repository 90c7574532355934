/**
 * Sparse distributed representations: the {@link SDR} type, its metrics, encoders,
 * k-winners-take-all and the exact theory of Ahmad & Hawkins.
 */
export { SDR, MAX_SDR_SIZE, type SDRJSON, type SDRCallback } from './sdr.js';
export { sampleSorted, type RandomSource } from './randomSource.js';
export {
  Sparsity,
  ActivationFrequency,
  Overlap,
  SDRMetrics,
  type MetricSource,
} from './metrics.js';
export {
  ScalarEncoder,
  type ScalarEncoderParameters,
  type ResolvedScalarEncoderParameters,
} from './scalarEncoder.js';
export { RDSE, type RDSEParameters, type ResolvedRDSEParameters } from './rdse.js';
export {
  CategoryEncoder,
  type Category,
  type CategoryEncoderParameters,
  type CategoryMatch,
} from './categoryEncoder.js';
export { kWTA } from './kwta.js';
export { murmurhash3_32, murmurhash3_32Uint32 } from './murmurhash3.js';
export {
  numberOfSDRs,
  overlapSetSize,
  overlapProbability,
  falseMatchProbability,
  segmentFalsePositive,
  segmentUnionFalsePositive,
  unionSynapseCount,
  classificationFalseMatchBound,
  unionFalsePositive,
  expectedUnionSize,
  unionInexactMatchMeanField,
  noiseFalseNegative,
  type UnionFalsePositiveOptions,
} from './theory.js';
export { binomial, ratioToNumber, ratioLog10, type Ratio } from './rational.js';
