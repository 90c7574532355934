import { describe, expect, it } from 'vitest';
import { paramError } from '../../fixtures/parameterError.js';
import {
  IFCurrExp,
  Network,
  SpikeMonitor,
  SpikeSourceArray,
  SpikeSourcePoisson,
  fixedProbability,
  parseSpikeTrainsFile,
  spikeTimesByNeuron,
  spikeTrainsCsv,
  spikeTrainsFile,
} from '../../../src/index.js';

function recorded(): SpikeMonitor {
  const net = new Network({ dt: 0.1, seed: 2 });
  const src = net.population(SpikeSourcePoisson, 30, { label: 'src', params: { rate: 50 } });
  const m = net.add(new SpikeMonitor(src));
  net.run(200);
  return m;
}

describe('spikeTrainsFile', () => {
  it('spikeTrainsFile(monitor) holds every spike in time order, and parses back from JSON text', () => {
    const m = recorded();
    const file = parseSpikeTrainsFile(JSON.stringify(spikeTrainsFile(m)));
    expect(file).toMatchObject({ format: 'engram-spikes', version: 1, population: 'src', size: 30, duration: 200 });
    expect(file.indices).toEqual(Array.from(m.indices));
    expect(file.times).toEqual(Array.from(m.times));
    expect(file.indices.length).toBeGreaterThan(100);
  });

  it('spikeTrainsCsv(monitor) writes a header and one neuron,time_ms line per spike', () => {
    const m = recorded();
    const lines = spikeTrainsCsv(m).trimEnd().split('\n');
    expect(lines[0]).toBe('neuron,time_ms');
    expect(lines).toHaveLength(m.numSpikes + 1);
    expect(lines[1]).toBe(`${m.indices[0]},${m.times[0]}`);
  });

  it('spikeTimesByNeuron(file) replayed by a SpikeSourceArray gives the recorded spikes again', () => {
    const m = recorded();
    const file = spikeTrainsFile(m);
    const net = new Network({ dt: 0.1, seed: 9 });
    const replay = net.population(SpikeSourceArray, file.size, { params: { spikeTimes: spikeTimesByNeuron(file) } });
    const cells = net.population(IFCurrExp, 5);
    net.connect(replay, cells, fixedProbability(0.5), { weight: 1 });
    const again = net.add(new SpikeMonitor(replay));
    net.run(200);
    expect(Array.from(again.steps)).toEqual(Array.from(m.steps));
    expect(Array.from(again.indices)).toEqual(Array.from(m.indices));
  });

  it('parseSpikeTrainsFile rejects what is not a spike-trains file, naming the field', () => {
    const good = () => JSON.parse(JSON.stringify(spikeTrainsFile(recorded()))) as Record<string, unknown>;
    const cases: Array<[unknown, RegExp]> = [
      ['{', /text/],
      [{ ...good(), format: 'engram-weights' }, /format/],
      [{ ...good(), size: 0 }, /size/],
      [{ ...good(), indices: [0, 30], times: [1, 2] }, /indices\[1\]/],
      [{ ...good(), indices: [0, 1], times: [2, 1] }, /times\[1\]/],
      [{ ...good(), indices: [0], times: [1, 2] }, /times/],
      [{ ...good(), duration: -1 }, /duration/],
    ];
    for (const [data, parameter] of cases) expect(paramError(() => parseSpikeTrainsFile(data)).parameter).toMatch(parameter);
  });
});
