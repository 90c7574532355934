import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { Rng } from '../../../../src/core/rng.js';
import { STDPMechanism } from '../../../../src/synapses/plasticity/stdpMechanism.js';
import { pairWindow } from '../../../../src/synapses/plasticity/traceRule.js';
import { VOGELS2011_RULE_DEFAULTS, Vogels2011Rule } from '../../../../src/synapses/plasticity/vogels2011Rule.js';
import { AdditiveWeightDependence } from '../../../../src/synapses/plasticity/weightDependence.js';
import { bindAllToAll, drive, monteCarloDrift, pairingTrains, referenceChange } from './harness.js';
import { relErr } from './oracle.js';

const unbounded = new AdditiveWeightDependence({ wMin: -Infinity, wMax: Infinity, scale: 1 });

describe('Vogels2011Rule', () => {
  it('new Vogels2011Rule() has PyNN defaults (tau 20 ms, eta 1e-10, rho 3 Hz) and alpha = 2 rho tau', () => {
    const r = new Vogels2011Rule();
    expect(r.params).toEqual(VOGELS2011_RULE_DEFAULTS);
    expect(r.params).toEqual({ tau: 20, eta: 1e-10, rho: 3 });
    expect(new Vogels2011Rule({ rho: 5, tau: 10 }).alpha).toBeCloseTo(0.1, 15);
  });

  it('new Vogels2011Rule({...}) with a bad parameter throws a ParameterError naming it', () => {
    for (const [params, name] of [[{ tau: 0 }, 'tau'], [{ eta: -1 }, 'eta'], [{ rho: -3 }, 'rho'], [{ rho: NaN }, 'rho'], [{ alpha: 1 }, 'params.alpha']] as const) {
      try {
        new Vogels2011Rule(params as never);
        expect.unreachable(name);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        expect((e as ParameterError).parameter).toBe(name);
      }
    }
  });

  it('pairWindow(new Vogels2011Rule().traces, dt) is symmetric: eta (exp(-|dt|/tau) - alpha)', () => {
    const r = new Vogels2011Rule({ eta: 1, rho: 5, tau: 20 });
    for (const dt of [-40, -5, 0, 5, 40]) expect(pairWindow(r.traces, dt)).toBeCloseTo(Math.exp(-Math.abs(dt) / 20) - r.alpha, 14);
  });

  it('Vogels2011Rule on the pairing protocol agrees with the direct sum of its definition to 1e-12', () => {
    const timing = new Vogels2011Rule({ eta: 0.01, rho: 5 });
    for (const rho of [1, 10, 40]) {
      for (const dt of [-10, 0, 10]) {
        const bound = bindAllToAll(new STDPMechanism({ timing, weight: unbounded, dendriticDelayFraction: 0.5 }), 1, 1, { delaySteps: 2 });
        const trains = pairingTrains(rho, dt);
        drive(bound, trains, 1);
        const ref = referenceChange(timing.traces, trains.pre.map(([k]) => k * 0.1), trains.post.map(([k]) => k * 0.1));
        expect(relErr(bound.weight[0], ref)).toBeLessThan(1e-12);
      }
    }
  });

  it('Vogels2011Rule under independent Poisson trains drifts at eta rhoPre (2 rhoPost tau - alpha) (Monte-Carlo)', () => {
    const timing = new Vogels2011Rule({ eta: 1, rho: 5 });
    const rule = new STDPMechanism({ timing, weight: unbounded, dendriticDelayFraction: 0.5 });
    const mc = monteCarloDrift(rule, new Rng('vogels'), { n: 30, rhoPre: 10, rhoPost: 20, durationMs: 60_000, burnInMs: 1000 });
    const expected = timing.meanDrift(mc.rhoPre, mc.rhoPost);
    console.log(`Vogels 2011 at 10/20 Hz: MC drift ${mc.drift.toExponential(4)} /s, formula ${expected.toExponential(4)} /s`);
    // sd of this estimate about 1.2e-2 (measured); tolerance 4.5 sd
    expect(Math.abs(mc.drift - expected)).toBeLessThan(0.055);
    // no drift at the target rate
    expect(timing.meanDrift(10, 5)).toBeCloseTo(0, 15);
  });
});
