/**
 * Weight dependences (PyNN's `weight_dependence`): how the change d that a timing rule
 * asks for (units of its amplitudes; d > 0 potentiates, d < 0 depresses) moves a weight w.
 *
 * | class | potentiation (d > 0) | depression (d < 0) |
 * |---|---|---|
 * | {@link AdditiveWeightDependence} | w + scale d | w + scale d |
 * | {@link MultiplicativeWeightDependence} | w + d (wMax - w) | w + d (w - wMin) |
 * | {@link GutigWeightDependence} | w + d R (1 - u)^muPlus | w + d R u^muMinus |
 *
 * with R = wMax - wMin and u = (w - wMin)/R (Guetig, Aharonov, Rotter & Sompolinsky 2003,
 * J. Neurosci. 23:3697; NEST `stdp_synapse` with `mu_plus`, `mu_minus`). In every case the
 * result is clipped to [wMin, wMax] (hard bounds), so the bounds always hold. As in PyNN and
 * NEST, the additive scale defaults to wMax: amplitudes are fractions of the largest weight.
 */
import { ParameterError } from '../../core/errors.js';
import { requireKnownKeys, requireObject } from '../../core/validate.js';

/** A weight dependence reduced to numbers (see the module doc). */
export interface WeightRuleSpec {
  /** 'additive': w + scale d; 'soft': Guetig's power law with exponents muPlus, muMinus */
  readonly form: 'additive' | 'soft';
  /** lower bound, weight units (may be -Infinity for additive) */
  readonly wMin: number;
  /** upper bound, weight units (may be +Infinity for additive) */
  readonly wMax: number;
  /** weight change per unit of d (additive) or the range wMax - wMin (soft), weight units */
  readonly scale: number;
  readonly muPlus: number;
  readonly muMinus: number;
}

/** A weight dependence for an `STDPMechanism`. */
export interface WeightDependence {
  readonly kind: string;
  readonly params: Readonly<Record<string, number>>;
  /** @internal the dependence in numbers */
  readonly bounds: WeightRuleSpec;
}

function bound(name: string, value: unknown, ctx: string, infinite: boolean): number {
  if (typeof value !== 'number' || Number.isNaN(value) || (!infinite && !Number.isFinite(value))) {
    throw new ParameterError(name, value, infinite ? 'a number (weight units; +-Infinity for no bound)' : 'a finite number (weight units)', ctx);
  }
  return value;
}

function ordered(wMin: number, wMax: number, ctx: string): void {
  if (!(wMin < wMax)) throw new ParameterError('wMax', wMax, `a weight above wMin = ${wMin}`, ctx);
}

/** Parameters of {@link AdditiveWeightDependence}. */
export interface AdditiveWeightDependenceParams {
  /** lower bound, nA or uS (default 0; -Infinity for none) */
  wMin: number;
  /** upper bound, nA or uS (default 1; Infinity for none, then give `scale`) */
  wMax: number;
  /**
   * weight change per unit of the timing rule's amplitudes, nA or uS (default wMax, the
   * PyNN/NEST convention); negative to make potentiation move negative weights down
   */
  scale: number;
}

/**
 * Additive STDP with hard bounds: w <- clip(w + scale d, wMin, wMax).
 *
 * @example
 * new AdditiveWeightDependence({ wMin: 0, wMax: 0.01 })            // d in units of wMax
 * new AdditiveWeightDependence({ wMin: -Infinity, wMax: Infinity, scale: 1 }) // unbounded
 */
export class AdditiveWeightDependence implements WeightDependence {
  readonly kind = 'AdditiveWeightDependence';
  readonly params: Readonly<AdditiveWeightDependenceParams>;
  readonly bounds: WeightRuleSpec;

  constructor(params: Partial<AdditiveWeightDependenceParams> = {}) {
    const ctx = 'AdditiveWeightDependence';
    requireKnownKeys('params', requireObject('params', params, ctx), ['wMin', 'wMax', 'scale'], ctx);
    const wMin = bound('wMin', params.wMin ?? 0, ctx, true);
    const wMax = bound('wMax', params.wMax ?? 1, ctx, true);
    if (wMin === Infinity) throw new ParameterError('wMin', wMin, 'a number below wMax (weight units)', ctx);
    if (wMax === -Infinity) throw new ParameterError('wMax', wMax, 'a number above wMin (weight units)', ctx);
    ordered(wMin, wMax, ctx);
    const scale = params.scale ?? wMax;
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale === 0) {
      throw new ParameterError(
        'scale',
        scale,
        'a finite nonzero weight per unit amplitude (nA or uS)',
        ctx,
        params.scale === undefined ? `it defaults to wMax = ${wMax}; give scale explicitly` : undefined,
      );
    }
    this.params = Object.freeze({ wMin, wMax, scale });
    this.bounds = Object.freeze({ form: 'additive', wMin, wMax, scale, muPlus: 0, muMinus: 0 });
  }
}

/** Parameters of {@link GutigWeightDependence} (PyNN names and defaults). */
export interface GutigWeightDependenceParams {
  /** lower bound, nA or uS (finite) */
  wMin: number;
  /** upper bound, nA or uS (finite, > wMin) */
  wMax: number;
  /** exponent of the potentiation soft bound, >= 0 (0: additive, 1: multiplicative) */
  muPlus: number;
  /** exponent of the depression soft bound, >= 0 */
  muMinus: number;
}

function exponent(name: string, value: unknown, ctx: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ParameterError(name, value, 'a finite exponent >= 0 (0 additive, 1 multiplicative)', ctx);
  }
  return value;
}

/**
 * Soft bounds of Guetig et al. (2003): potentiation scales with (1 - u)^muPlus, depression
 * with u^muMinus, u = (w - wMin)/(wMax - wMin); changes in units of wMax - wMin.
 *
 * @example new GutigWeightDependence({ wMin: 0, wMax: 1, muPlus: 0.5, muMinus: 0.5 })
 */
export class GutigWeightDependence implements WeightDependence {
  readonly kind: string = 'GutigWeightDependence';
  readonly params: Readonly<Record<string, number>>;
  readonly bounds: WeightRuleSpec;

  constructor(params: Partial<GutigWeightDependenceParams> = {}, context = 'GutigWeightDependence') {
    requireKnownKeys('params', requireObject('params', params, context), ['wMin', 'wMax', 'muPlus', 'muMinus'], context);
    const wMin = bound('wMin', params.wMin ?? 0, context, false);
    const wMax = bound('wMax', params.wMax ?? 1, context, false);
    ordered(wMin, wMax, context);
    const muPlus = exponent('muPlus', params.muPlus ?? 0.5, context);
    const muMinus = exponent('muMinus', params.muMinus ?? 0.5, context);
    this.params = Object.freeze({ wMin, wMax, muPlus, muMinus });
    this.bounds = Object.freeze({ form: 'soft', wMin, wMax, scale: wMax - wMin, muPlus, muMinus });
  }
}

/** Parameters of {@link MultiplicativeWeightDependence} (PyNN names and defaults). */
export interface MultiplicativeWeightDependenceParams {
  /** lower bound, nA or uS (finite) */
  wMin: number;
  /** upper bound, nA or uS (finite, > wMin) */
  wMax: number;
}

/**
 * Multiplicative (soft-bound) STDP: potentiation d (wMax - w), depression d (w - wMin)
 * (PyNN `MultiplicativeWeightDependence`; Guetig et al. with mu = 1).
 *
 * @example new MultiplicativeWeightDependence({ wMin: 0, wMax: 0.5 })
 */
export class MultiplicativeWeightDependence extends GutigWeightDependence {
  override readonly kind = 'MultiplicativeWeightDependence';

  constructor(params: Partial<MultiplicativeWeightDependenceParams> = {}) {
    const ctx = 'MultiplicativeWeightDependence';
    requireKnownKeys('params', requireObject('params', params, ctx), ['wMin', 'wMax'], ctx);
    super({ wMin: params.wMin ?? 0, wMax: params.wMax ?? 1, muPlus: 1, muMinus: 1 }, ctx);
  }
}
