/**
 * `projection.learning`: pausing a plasticity rule leaves the weights alone, and
 * switching it back on resumes learning.
 */
import { describe, expect, it } from 'vitest';
import {
  AdditiveWeightDependence,
  IFCurrExp,
  Network,
  SpikePairRule,
  SpikeSourcePoisson,
  STDPMechanism,
  allToAll,
} from '../../../src/index.js';

function build(seed: number) {
  const net = new Network({ dt: 0.1, seed });
  const inputs = net.population(SpikeSourcePoisson, 50, { params: { rate: 40 } });
  const cell = net.population(IFCurrExp, 1, { params: { tauRefrac: 2 } });
  const proj = net.connect(inputs, cell, allToAll(), {
    weight: 0.6,
    plasticity: new STDPMechanism({
      timing: new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.01, aMinus: 0.012 }),
      weight: new AdditiveWeightDependence({ wMin: 0, wMax: 1 }),
    }),
  });
  return { net, proj };
}

describe('projection.learning', () => {
  it('learning = false keeps every weight while the network runs and spikes', () => {
    const { net, proj } = build(3);
    const before = proj.weight.slice();
    proj.learning = false;
    net.run(500);
    expect(net.events).toBeGreaterThan(0);
    expect(Array.from(proj.weight)).toEqual(Array.from(before));
    expect(proj.plasticity!.updates).toBe(0);
  });

  it('learning = true again resumes weight changes', () => {
    const { net, proj } = build(3);
    proj.learning = false;
    net.run(200);
    const paused = proj.weight.slice();
    proj.learning = true;
    net.run(500);
    expect(proj.plasticity!.updates).toBeGreaterThan(0);
    expect(Array.from(proj.weight)).not.toEqual(Array.from(paused));
  });
});
