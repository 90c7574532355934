/**
 * Replay of the SpiNNaker recording of the CA3 CAM's functional test
 * (test/fixtures/ca3-cam/recording-1.json, 90 ms, every population every millisecond):
 * bit-exact under semantics 'spinnaker', the ablations of SPEC section 2.6, and typed
 * errors for malformed recordings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import {
  ca3CamRasterFile,
  parseCa3CamRecording,
  replayCa3CamExperiment,
  replayCa3CamRecording,
} from '../../../src/memory/ca3CamReplay.js';

const NAME = '1_learn_recall_by_cue_and_cont_forget';
const recording = parseCa3CamRecording(JSON.parse(readFileSync(new URL('../../fixtures/ca3-cam/recording-1.json', import.meta.url), 'utf8')));

describe('ca3CamReplay', () => {
  it('replayCa3CamRecording(recording-1) reproduces every population at every millisecond: 0 differing cells', () => {
    const [r] = replayCa3CamRecording(recording);
    expect(r.name).toBe(NAME);
    expect(r.hasRecordedSpikes).toBe(true);
    expect(r.differingCells).toBe(0);
    expect(r.raster.spikes_by_tick).toEqual(recording.experiments[NAME].spikes_by_tick);
    const file = ca3CamRasterFile([r]);
    expect(Object.keys(file.experiments[NAME])).toEqual(['cueSize', 'contSize', 'simTime_ms', 'spikes_by_tick']);
  });

  it('replayCa3CamExperiment(name, rec, silence row) breaks the raster as SPEC 2.6 lists: rows 4, 5, 9, 12 -> 15, 7, 5, 0 cells', () => {
    const rows: Array<[number, number]> = [
      [4, 15],
      [5, 7],
      [9, 5],
      [12, 0],
    ];
    for (const [row, cells] of rows) {
      const r = replayCa3CamExperiment(NAME, recording.experiments[NAME], (cam) => cam.projections[row - 1].weight.fill(0));
      expect([row, r.differingCells]).toEqual([row, cells]);
    }
  });

  it('replayCa3CamRecording(recording, name) rejects an unknown experiment name with a ParameterError', () => {
    expect(() => replayCa3CamRecording(recording, 'nope')).toThrow(ParameterError);
    expect(() => replayCa3CamRecording(recording, 'nope')).toThrow(/1_learn/);
  });

  it('parseCa3CamRecording(bad) throws ParameterErrors naming the entry', () => {
    const exp = (over: object, ticks: object = {}) => ({ experiments: { e: { cueSize: 2, contSize: 3, simTime_ms: 10, spikes_by_tick: ticks, ...over } } });
    expect(() => parseCa3CamRecording(null)).toThrow(ParameterError);
    expect(() => parseCa3CamRecording({ experiments: {} })).toThrow(/experiments/);
    expect(() => parseCa3CamRecording(exp({ cueSize: 0 }))).toThrow(/cueSize/);
    expect(() => parseCa3CamRecording(exp({ simTime_ms: 'x' }))).toThrow(/simTime_ms/);
    expect(() => parseCa3CamRecording(exp({}, { 10: { INcue: [0] } }))).toThrow(/tick/);
    expect(() => parseCa3CamRecording(exp({}, { '-1': { INcue: [0] } }))).toThrow(ParameterError);
    expect(() => parseCa3CamRecording(exp({}, { 1: { INcue: [2] } }))).toThrow(/INcue\[0\]/);
    expect(() => parseCa3CamRecording(exp({}, { 1: { CA3bogus: [0] } }))).toThrow(/CA3bogus/);
    expect(() => parseCa3CamRecording(exp({}, { 1: { INcont: 3 } }))).toThrow(/INcont/);
  });

  it('replayCa3CamRecording(inputs only) simulates without comparing', () => {
    const r = replayCa3CamRecording(parseCa3CamRecording({ experiments: { e: { cueSize: 2, contSize: 3, simTime_ms: 12, spikes_by_tick: { 0: { INcue: [1], INcont: [2] }, 1: { INcue: [1], INcont: [2] }, 2: { INcue: [1], INcont: [2] } } } } }));
    expect(r[0].hasRecordedSpikes).toBe(false);
    expect(r[0].differingCells).toBe(0);
    expect(r[0].raster.spikes_by_tick['5']).toEqual({ CA3cueContRecall: [1], CA3contContRecall: [2], OUTcue: [1], OUTcont: [2] });
  });
});
