/**
 * Node-only helpers (`import { ... } from 'engram/node'`): files written atomically
 * (temporary file, fsync, rename: a reader sees the old file or the whole new one, and a
 * failed write leaves the old file as it was) and read back with their checks. The main
 * entry point (`engram`) stays free of Node modules, so it bundles for the browser.
 */
import { readFile } from 'node:fs/promises';
import type { Network } from './engine/network.js';
import type { SpikeMonitor } from './engine/monitors/spikeMonitor.js';
import { atomicWrite } from './io/atomicWrite.js';
import { parseSpikeTrainsFile, spikeTrainsCsv, spikeTrainsFile, type SpikeTrainsFile } from './io/spikeTrainsFile.js';
import { loadWeights, parseWeightsFile, weightsFile, type WeightsFile } from './io/weightsFile.js';

export { atomicWrite } from './io/atomicWrite.js';

/**
 * Writes the weights of `network`'s projections (all, or those labelled `labels`) to
 * `path` as a weights file (JSON), atomically.
 *
 * @example await writeWeightsFile('results/learned-weights.json', net);
 */
export async function writeWeightsFile(path: string, network: Network, labels?: readonly string[]): Promise<void> {
  await atomicWrite(path, `${JSON.stringify(weightsFile(network, labels))}\n`);
}

/** Reads and checks a weights file. */
export async function readWeightsFile(path: string): Promise<WeightsFile> {
  return parseWeightsFile(await readFile(path, 'utf8'), path);
}

/**
 * Sets `network`'s weights from the weights file at `path` (see `loadWeights`: all
 * checked before any weight changes).
 */
export async function loadWeightsFile(path: string, network: Network, labels?: readonly string[]): Promise<void> {
  loadWeights(network, await readWeightsFile(path), labels);
}

/**
 * Writes the spikes `monitor` recorded to `path`, atomically: CSV (`neuron,time_ms`) when
 * the name ends in `.csv` or `format` says so, else a spike-trains file (JSON).
 */
export async function writeSpikeTrainsFile(path: string, monitor: SpikeMonitor, format?: 'json' | 'csv'): Promise<void> {
  const csv = (format ?? (path.toLowerCase().endsWith('.csv') ? 'csv' : 'json')) === 'csv';
  await atomicWrite(path, csv ? spikeTrainsCsv(monitor) : `${JSON.stringify(spikeTrainsFile(monitor))}\n`);
}

/** Reads and checks a spike-trains file (JSON). */
export async function readSpikeTrainsFile(path: string): Promise<SpikeTrainsFile> {
  return parseSpikeTrainsFile(await readFile(path, 'utf8'), path);
}
