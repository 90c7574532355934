import { describe, expect, it } from 'vitest';
import { paramError } from '../../fixtures/parameterError.js';
import {
  AdditiveWeightDependence,
  IFCurrExp,
  Network,
  ParameterError,
  SpikePairRule,
  SpikeSourcePoisson,
  STDPMechanism,
  allToAll,
  connectivityChecksum,
  fixedProbability,
  loadWeights,
  parseWeightsFile,
  uniform,
  weightsFile,
} from '../../../src/index.js';

/** A small network with a plastic projection and a static random one; `seed` fixes the connectivity. */
function build(seed: number, learning = true): Network {
  const net = new Network({ dt: 0.1, seed });
  const inputs = net.population(SpikeSourcePoisson, 50, { label: 'inputs', params: { rate: 30 } });
  const cells = net.population(IFCurrExp, 10, { label: 'cells' });
  const plastic = net.connect(inputs, cells, allToAll(), {
    label: 'ff',
    weight: uniform(0, 1),
    plasticity: new STDPMechanism({ timing: new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.05, aMinus: 0.055 }), weight: new AdditiveWeightDependence({ wMin: 0, wMax: 1 }) }),
  });
  plastic.learning = learning;
  net.connect(cells, cells, fixedProbability(0.3), { label: 'rec', weight: 0.2 });
  return net;
}

function weightsOf(net: Network, label: string): number[] {
  return Array.from(net.projections.find((p) => p.label === label)!.weight);
}

describe('weightsFile and loadWeights', () => {
  it('weightsFile(net) then loadWeights(fresh, file) gives the learned weights bit for bit, through JSON text', () => {
    const trained = build(3);
    const before = weightsOf(trained, 'ff');
    trained.run(500);
    const learned = weightsOf(trained, 'ff');
    expect(learned).not.toEqual(before);
    const text = JSON.stringify(weightsFile(trained));
    const fresh = build(3, false);
    expect(weightsOf(fresh, 'ff')).toEqual(before);
    loadWeights(fresh, JSON.parse(text));
    expect(weightsOf(fresh, 'ff')).toEqual(learned);
    expect(weightsOf(fresh, 'rec')).toEqual(weightsOf(trained, 'rec'));
  });

  it('weightsFile(net, labels) keeps only those projections, and loadWeights(net, file, labels) sets only those', () => {
    const net = build(4);
    const file = weightsFile(net, ['rec']);
    expect(file.projections.map((p) => p.label)).toEqual(['rec']);
    expect(file.projections[0]).toMatchObject({ pre: 'cells', post: 'cells', synapses: net.projections[1].size, connectivity: connectivityChecksum(net.projections[1]) });
    const all = weightsFile(net);
    all.projections[0].weights.fill(0.5);
    all.projections[1].weights.fill(0.7);
    loadWeights(net, all, ['ff']);
    expect(new Set(weightsOf(net, 'ff'))).toEqual(new Set([0.5]));
    expect(new Set(weightsOf(net, 'rec'))).toEqual(new Set([Math.fround(0.2)]));
    expect(() => weightsFile(net, ['nope'])).toThrow(ParameterError);
  });

  it('loadWeights refuses a file that does not fit, naming what differs, and changes no weight', () => {
    const net = build(5);
    const ff = weightsOf(net, 'ff');
    const rec = weightsOf(net, 'rec');
    const good = () => JSON.parse(JSON.stringify(weightsFile(net))) as { projections: Record<string, unknown>[] };
    const expectRefused = (file: unknown, parameter: RegExp) => {
      expect(paramError(() => loadWeights(net, file)).parameter).toMatch(parameter);
      expect(weightsOf(net, 'ff')).toEqual(ff);
      expect(weightsOf(net, 'rec')).toEqual(rec);
    };
    // the first projection is fine, the second is not: nothing may change
    let f = good();
    (f.projections[0].weights as number[]).fill(0.25);
    f.projections[1].connectivity = '00000000';
    expectRefused(f, /projections\[1\].*connectivity/);
    f = good();
    f.projections[1].label = 'other';
    expectRefused(f, /label/);
    f = good();
    f.projections[0].pre = 'cells';
    expectRefused(f, /pre\/post/);
    f = good();
    (f.projections[0].weights as number[])[3] = 1.5; // outside the STDP rule's [0, 1]
    expectRefused(f, /weights\[3\]/);
    f = good();
    (f.projections[1].weights as unknown[])[0] = null;
    expectRefused(f, /weights\[0\]/);
    f = good();
    (f.projections[1].weights as number[]).pop();
    expectRefused(f, /weights/);
    expectRefused(weightsFile(build(6)), /connectivity/); // another seed: other random connectivity
    expectRefused({ format: 'engram-result' }, /format/);
    expectRefused('{ not json', /text/);
  });

  it('parseWeightsFile(text) returns the typed file, and names the version it does not know', () => {
    const net = build(7);
    const parsed = parseWeightsFile(JSON.stringify(weightsFile(net)), 'w.json');
    expect(parsed.projections).toHaveLength(2);
    expect(() => parseWeightsFile({ format: 'engram-weights', version: 2, projections: [] })).toThrow(/version/);
  });
});
