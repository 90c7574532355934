/**
 * `engram ca3-cam replay <recording.json> [--experiment NAME] --out <raster.json>`:
 * replays recorded CA3 content-addressable-memory experiments (the format of the authors'
 * SpiNNaker rasters: cueSize, contSize, simTime_ms, spikes_by_tick with the inputs
 * INcue/INcont) under sPyNNaker semantics and writes the simulated raster of every recorded
 * population as `{"experiments": {NAME: {cueSize, contSize, simTime_ms, spikes_by_tick}}}`.
 * When the file holds recorded spikes it prints, per experiment, the number of
 * (tick, population) cells whose spike sets differ, and exits 1 if any differ.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { atomicWrite } from '../io/atomicWrite.js';
import { ca3CamRasterFile, parseCa3CamRecording, replayCa3CamRecording } from '../memory/ca3CamReplay.js';
import { EXIT_FAILURE, EXIT_OK } from './exitCodes.js';
import { writeLine, type Terminal } from './terminal.js';
import { UsageError } from './usageError.js';

/** Usage of `engram ca3-cam`. */
export const CA3_CAM_USAGE = 'usage: engram ca3-cam replay <recording.json> [--experiment NAME] --out <raster.json>';

/** Runs `engram ca3-cam <subcommand> ...`; returns the exit code. */
export async function commandCa3Cam(args: readonly string[], terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'replay') {
    throw new UsageError(`engram ca3-cam: ${sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`}; ${CA3_CAM_USAGE}`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { experiment: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(`engram ca3-cam replay: give one recording file; ${CA3_CAM_USAGE}`);
  if (values.out === undefined) throw new UsageError(`engram ca3-cam replay: --out <raster.json> is required; ${CA3_CAM_USAGE}`);
  const input = resolve(terminal.cwd, positionals[0]);
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (error) {
    throw new UsageError(`engram ca3-cam replay: cannot read '${positionals[0]}': ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`engram ca3-cam replay: '${positionals[0]}' is not JSON: ${(error as Error).message}`);
  }
  const recording = parseCa3CamRecording(data);
  const results = replayCa3CamRecording(recording, values.experiment);
  await atomicWrite(resolve(terminal.cwd, values.out), `${JSON.stringify(ca3CamRasterFile(results))}\n`);
  let differ = false;
  for (const r of results) {
    if (!r.hasRecordedSpikes) {
      writeLine(terminal.stdout, `${r.name}: simulated ${r.raster.simTime_ms} ms (no recorded spikes to compare)`);
      continue;
    }
    writeLine(terminal.stdout, `${r.name}: ${r.differingCells} differing cells (tick, population) over ${r.raster.simTime_ms} ms`);
    if (r.differingCells > 0) {
      differ = true;
      for (const d of r.differences.slice(0, 5)) {
        writeLine(terminal.stdout, `  t=${d.tick} ${d.population}: recorded [${d.recorded.join(',')}] simulated [${d.simulated.join(',')}]`);
      }
    }
  }
  return differ ? EXIT_FAILURE : EXIT_OK;
}
