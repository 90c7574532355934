import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { AdaptiveThreshold } from '../../../../src/engine/homeostasis/adaptiveThreshold.js';
import { IFCurrExp, Network, SpikeMonitor, SpikeSourcePoisson } from '../../../../src/index.js';

describe('AdaptiveThreshold', () => {
  it('new AdaptiveThreshold(pop) raises theta by increment per spike and lowers iOffset by gL theta', () => {
    const net = new Network({ dt: 0.1, seed: 1 });
    const pop = net.population(IFCurrExp, 2, { params: { iOffset: 2, tauRefrac: 2, cm: 1, tauM: 20 } });
    const theta = net.add(new AdaptiveThreshold(pop, { increment: 0.5, tauTheta: 1e9, interval: 0.1 }));
    const spikes = net.add(new SpikeMonitor(pop));
    net.run(200);
    const shift = theta.shift();
    expect(shift[0]).toBeCloseTo(0.5 * spikes.count[0], 5);
    expect(pop.iOffset[0]).toBeCloseTo(2 - (1 / 20) * shift[0], 5);
  });

  it('AdaptiveThreshold lowers the rate of a driven neuron compared with the same neuron without it', () => {
    const rate = (adapt: boolean) => {
      const net = new Network({ dt: 0.1, seed: 2 });
      const pop = net.population(IFCurrExp, 10, { params: { iOffset: 1.2 } });
      if (adapt) net.add(new AdaptiveThreshold(pop, { increment: 0.2, tauTheta: 2000, interval: 1 }));
      const m = net.add(new SpikeMonitor(pop, { record: false }));
      net.run(2000);
      return m.numSpikes / 10 / 2;
    };
    const free = rate(false);
    const adapted = rate(true);
    expect(free).toBeGreaterThan(20);
    expect(adapted).toBeLessThan(0.8 * free);
  });

  it('new AdaptiveThreshold with bad parameters or a spike source throws a ParameterError naming them', () => {
    const net = new Network({ dt: 0.1 });
    const pop = net.population(IFCurrExp, 1);
    const src = net.population(SpikeSourcePoisson, 1);
    for (const [p, name] of [[{ increment: -1 }, 'increment'], [{ tauTheta: 0 }, 'tauTheta'], [{ interval: -1 }, 'interval'], [{ theta: 1 }, 'params.theta']] as const) {
      try {
        new AdaptiveThreshold(pop, p as never);
        expect.unreachable(name);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        expect((e as ParameterError).parameter).toBe(name);
      }
    }
    expect(() => new AdaptiveThreshold(src)).toThrow(ParameterError);
    expect(() => net.add(new AdaptiveThreshold(pop, { interval: 0.15 }))).toThrow(ParameterError);
  });
});
