import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng.js';
import { SpikePairRule } from '../../../../src/synapses/plasticity/spikePairRule.js';
import { STDPMechanism } from '../../../../src/synapses/plasticity/stdpMechanism.js';
import {
  AdditiveWeightDependence,
  GutigWeightDependence,
  MultiplicativeWeightDependence,
  type WeightDependence,
} from '../../../../src/synapses/plasticity/weightDependence.js';
import { bindAllToAll, drive, poissonTrains } from './harness.js';
import { expectParameterError } from '../../../fixtures/parameterError.js';

/** One synapse, w0; a single post spike after a pre spike 0 ms earlier gives d = +A+ (pre trace 1), and the reverse order d = -A-. */
function oneUpdate(weight: WeightDependence, w0: number, sign: 1 | -1, a = 0.1): number {
  const timing = new SpikePairRule({ aPlus: a, aMinus: a });
  const bound = bindAllToAll(new STDPMechanism({ timing, weight, dendriticDelayFraction: 0.5 }), 1, 1, { weight: w0, delaySteps: 2 });
  // potentiation: pre and post in the same step (pre first): d = A+ exactly; depression: post then pre in the next step: d = -A- exp(-dt/tau)
  if (sign > 0) drive(bound, { pre: [[10, 0]], post: [[10, 0]] }, 1);
  else drive(bound, { pre: [[11, 0]], post: [[10, 0]] }, 1);
  return bound.weight[0];
}

describe('weight dependences', () => {
  it('new AdditiveWeightDependence() has PyNN defaults [0, 1] and scale = wMax', () => {
    expect(new AdditiveWeightDependence().params).toEqual({ wMin: 0, wMax: 1, scale: 1 });
    expect(new AdditiveWeightDependence({ wMax: 0.01 }).bounds.scale).toBe(0.01);
  });

  it('AdditiveWeightDependence moves w by scale d and clips at the bounds', () => {
    const dep = new AdditiveWeightDependence({ wMin: 0, wMax: 2 });
    expect(oneUpdate(dep, 1, 1)).toBeCloseTo(1.2, 12);
    expect(oneUpdate(dep, 1.9, 1)).toBe(2);
    expect(oneUpdate(dep, 0.1, -1, 1)).toBe(0);
    expect(oneUpdate(dep, 1, -1)).toBeCloseTo(1 - 2 * 0.1 * Math.exp(-0.1 / 20), 12);
  });

  it('MultiplicativeWeightDependence potentiates by d (wMax - w) and depresses by d (w - wMin)', () => {
    const dep = new MultiplicativeWeightDependence({ wMin: 0.5, wMax: 1.5 });
    expect(oneUpdate(dep, 1.0, 1)).toBeCloseTo(1.0 + 0.1 * 0.5, 12);
    expect(oneUpdate(dep, 1.5, 1)).toBe(1.5);
    expect(oneUpdate(dep, 0.5, -1)).toBe(0.5);
    expect(dep.params).toEqual({ wMin: 0.5, wMax: 1.5, muPlus: 1, muMinus: 1 });
  });

  it('GutigWeightDependence potentiates by d R (1 - u)^muPlus (Guetig et al. 2003)', () => {
    const dep = new GutigWeightDependence({ wMin: 0, wMax: 2, muPlus: 0.5, muMinus: 0.25 });
    expect(oneUpdate(dep, 0.5, 1)).toBeCloseTo(0.5 + 0.1 * 2 * Math.pow(1 - 0.25, 0.5), 12);
    expect(new GutigWeightDependence().params).toEqual({ wMin: 0, wMax: 1, muPlus: 0.5, muMinus: 0.5 });
    // mu = 0 is additive with scale wMax - wMin
    expect(oneUpdate(new GutigWeightDependence({ wMin: 0, wMax: 2, muPlus: 0, muMinus: 0 }), 0.5, 1)).toBeCloseTo(0.7, 12);
  });

  it('weight dependences with bad bounds or exponents throw a ParameterError naming the parameter', () => {
    expectParameterError(() => new AdditiveWeightDependence({ wMin: 1, wMax: 1 }), 'wMax');
    expectParameterError(() => new AdditiveWeightDependence({ wMin: NaN }), 'wMin');
    expectParameterError(() => new AdditiveWeightDependence({ wMin: Infinity }), 'wMin');
    expectParameterError(() => new AdditiveWeightDependence({ wMin: -1, wMax: 0 }), 'scale');
    expectParameterError(() => new AdditiveWeightDependence({ wMax: Infinity }), 'scale');
    expectParameterError(() => new AdditiveWeightDependence({ scale: 0 }), 'scale');
    expectParameterError(() => new AdditiveWeightDependence({ w_max: 1 } as never), 'params.w_max');
    expectParameterError(() => new GutigWeightDependence({ wMax: Infinity }), 'wMax');
    expectParameterError(() => new GutigWeightDependence({ muPlus: -0.5 }), 'muPlus');
    expectParameterError(() => new GutigWeightDependence({ muMinus: NaN }), 'muMinus');
    expectParameterError(() => new MultiplicativeWeightDependence({ wMin: 2, wMax: 1 }), 'wMax');
    expectParameterError(() => new MultiplicativeWeightDependence({ muPlus: 1 } as never), 'params.muPlus');
  });

  it('every weight dependence keeps Float32 weights inside [wMin, wMax] under strong random STDP', () => {
    const deps: WeightDependence[] = [
      new AdditiveWeightDependence({ wMin: 0.001, wMax: 0.01 }),
      new MultiplicativeWeightDependence({ wMin: 0.001, wMax: 0.01 }),
      new GutigWeightDependence({ wMin: 0.001, wMax: 0.01, muPlus: 0.3, muMinus: 0.7 }),
    ];
    for (const dep of deps) {
      for (const interaction of ['all-to-all', 'nearest'] as const) {
        const timing = new SpikePairRule({ aPlus: 0.5, aMinus: 0.6, interaction });
        const rng = new Rng(`bounds-${dep.kind}-${interaction}`);
        const bound = bindAllToAll(new STDPMechanism({ timing, weight: dep }), 20, 20, { weight: 0.005, float32: true });
        drive(bound, { pre: poissonTrains(rng, 20, 50, 5000, 0.1), post: poissonTrains(rng, 20, 50, 5000, 0.1) }, 1);
        let lo = Infinity;
        let hi = -Infinity;
        for (const w of bound.weight) [lo, hi] = [Math.min(lo, w), Math.max(hi, w)];
        expect(lo, dep.kind).toBeGreaterThanOrEqual(0.001);
        expect(hi, dep.kind).toBeLessThanOrEqual(0.01);
        // strong STDP reaches both bounds (additive) or approaches them
        if (dep.kind === 'AdditiveWeightDependence') {
          expect(lo).toBeLessThan(0.00101);
          expect(hi).toBeGreaterThan(0.00999);
        }
      }
    }
  });
});
