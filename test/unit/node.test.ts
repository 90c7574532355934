import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IFCurrExp, Network, ParameterError, SpikeMonitor, SpikeSourcePoisson, allToAll } from '../../src/index.js';
import { loadWeightsFile, readSpikeTrainsFile, readWeightsFile, writeSpikeTrainsFile, writeWeightsFile } from '../../src/node.js';

const dir = mkdtempSync(join(tmpdir(), 'engram-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(): { net: Network; m: SpikeMonitor } {
  const net = new Network({ dt: 0.1, seed: 1 });
  const src = net.population(SpikeSourcePoisson, 20, { label: 'src', params: { rate: 40 } });
  const cells = net.population(IFCurrExp, 4, { label: 'cells' });
  net.connect(src, cells, allToAll(), { label: 'ff', weight: 0.3 });
  const m = net.add(new SpikeMonitor(src));
  return { net, m };
}

describe('engram/node files', () => {
  it('writeWeightsFile / loadWeightsFile round-trip the weights through a file', async () => {
    const a = build();
    a.net.projections[0].weight.forEach((_, s, w) => (w[s] = 0.01 * (s % 17)));
    const path = join(dir, 'weights.json');
    await writeWeightsFile(path, a.net);
    expect((await readWeightsFile(path)).projections[0].label).toBe('ff');
    const b = build();
    await loadWeightsFile(path, b.net);
    expect(Array.from(b.net.projections[0].weight)).toEqual(Array.from(a.net.projections[0].weight));
  });

  it('writeSpikeTrainsFile writes JSON or CSV by the name, and readSpikeTrainsFile reads the JSON back', async () => {
    const { net, m } = build();
    net.run(100);
    await writeSpikeTrainsFile(join(dir, 'spikes.json'), m);
    await writeSpikeTrainsFile(join(dir, 'spikes.csv'), m);
    expect((await readSpikeTrainsFile(join(dir, 'spikes.json'))).indices).toEqual(Array.from(m.indices));
    expect(readFileSync(join(dir, 'spikes.csv'), 'utf8').split('\n')[0]).toBe('neuron,time_ms');
  });

  it('a write that fails leaves the earlier file as it was and no temporary file behind; a foreign file is refused', async () => {
    const { net } = build();
    const path = join(dir, 'keep.json');
    writeFileSync(path, 'earlier');
    // a network whose projections cannot be read: the content fails before anything is renamed
    const bad = { projections: { slice: () => { throw new Error('boom'); } } } as unknown as Network;
    await expect(writeWeightsFile(path, bad)).rejects.toThrow('boom');
    expect(readFileSync(path, 'utf8')).toBe('earlier');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect(writeWeightsFile(join(dir, 'no-such-dir', 'w.json'), net)).rejects.toThrow();
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
    await expect(readWeightsFile(path)).rejects.toThrow(ParameterError);
  });
});
