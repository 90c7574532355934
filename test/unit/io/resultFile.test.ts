import { describe, expect, it } from 'vitest';
import { EngramError } from '../../../src/core/errors.js';
import { parseResultFile } from '../../../src/io/parseResultFile.js';
import { createResultFile, RESULT_FORMAT, RESULT_SCHEMA_VERSION, serializeResultFile } from '../../../src/io/resultFile.js';
import { sampleMeta, sampleOutput, sampleProvenance, sampleResult } from '../../fixtures/sampleResult.js';

const run = {
  meta: sampleMeta,
  parameters: { tauM: 20, n: 100, rule: 'stdp', plastic: true },
  seed: 1,
  quick: false,
  startedAt: new Date('2025-01-01T00:00:00Z'),
  endedAt: new Date('2025-01-01T00:00:01.25Z'),
  interrupted: false,
  provenance: sampleProvenance,
};

describe('createResultFile', () => {
  it('createResultFile(run, output) fills every schema field', () => {
    const result = sampleResult();
    expect(result.format).toBe(RESULT_FORMAT);
    expect(result.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(result.engramVersion).toBe('9.9.9');
    expect(result.gitCommit).toBe(sampleProvenance.gitCommit);
    expect(result.experiment.name).toBe('sample');
    expect(result.experiment.parameters.tauM.unit).toBe('ms');
    expect(result.parameters).toEqual({ tauM: 15, n: 100, rule: 'stdp', plastic: true });
    expect(result.seed).toBe(42);
    expect(result.startedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(result.endedAt).toBe('2025-01-02T03:04:07.500Z');
    expect(result.wallTimeS).toBe(2.5);
    expect(result.backend).toBe('cpu');
    expect(result.status).toBe('complete');
    expect(result.series).toEqual({ t: [0, 1, 2], ids: [0, 1, 0], v: [[-65, -60, -55]] });
    expect(result.figures).toHaveLength(2);
  });

  it('createResultFile() stores metrics and comparisons that are not finite as null', () => {
    const result = sampleResult();
    expect(result.metrics).toEqual({ rate: 5.25, cv: null });
    expect(result.comparisons[1].measured).toBeNull();
  });

  it('createResultFile({ interrupted: true }) gives status interrupted', () => {
    expect(createResultFile({ ...run, interrupted: true }, sampleOutput).status).toBe('interrupted');
  });

  it('createResultFile() without a backend stores backend null', () => {
    const { backend: _backend, ...output } = sampleOutput;
    expect(createResultFile(run, output).backend).toBeNull();
  });

  it('createResultFile() rejects a figure that names a series the output lacks', () => {
    const output = { ...sampleOutput, figures: [{ kind: 'line', title: 'Rate', series: { x: 't', y: 'rate' } }] };
    expect(() => createResultFile(run, output)).toThrow(/figure 1 \('Rate'\) reads series 'rate' as 'y'/);
  });

  it('createResultFile() rejects a metric that is not a number, naming it', () => {
    const output = { ...sampleOutput, metrics: { rate: '5' as unknown as number } };
    expect(() => createResultFile(run, output)).toThrow(/metric 'rate' is a string/);
  });

  it('createResultFile() rejects series JSON cannot store', () => {
    const output = { ...sampleOutput, series: { f: () => 1 } };
    expect(() => createResultFile(run, output)).toThrow(EngramError);
  });
});

describe('serializeResultFile', () => {
  it('serializeResultFile(result) reads back with parseResultFile to the same result', () => {
    const result = sampleResult();
    const text = serializeResultFile(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "engram-result",\n  "schemaVersion": 1,')).toBe(true);
    expect(parseResultFile(text)).toEqual(result);
  });
});
