import { describe, expect, it } from 'vitest';
import { parseResultFile, ResultFileError } from '../../../src/io/parseResultFile.js';
import { serializeResultFile } from '../../../src/io/resultFile.js';
import { sampleResult } from '../../fixtures/sampleResult.js';

function mutate(change: (o: Record<string, unknown>) => void): string {
  const o = JSON.parse(serializeResultFile(sampleResult())) as Record<string, unknown>;
  change(o);
  return JSON.stringify(o);
}

describe('parseResultFile', () => {
  it('parseResultFile(text) accepts a valid result file', () => {
    const result = parseResultFile(serializeResultFile(sampleResult()), 'run/result.json');
    expect(result.experiment.title).toBe('Sample <experiment> & co');
    expect(result.metrics.cv).toBeNull();
  });

  it('parseResultFile(text) rejects text that is not JSON, naming the source', () => {
    expect(() => parseResultFile('{"format": ', 'a.json')).toThrow(/^a\.json: is not JSON/);
  });

  it('parseResultFile(text) rejects foreign JSON: a package.json, an array, a string', () => {
    expect(() => parseResultFile('{"name": "engram", "version": "0.1.0"}', 'package.json')).toThrow(
      'package.json: is not an Engram result file: it lacks "format": "engram-result"',
    );
    expect(() => parseResultFile('[1, 2]')).toThrow(/expected a JSON object, got an array/);
    expect(() => parseResultFile('"hello"')).toThrow(/expected a JSON object/);
    expect(() => parseResultFile('null')).toThrow(/expected a JSON object, got null/);
  });

  it('parseResultFile(text) rejects a file from a newer schema with advice', () => {
    expect(() => parseResultFile(mutate((o) => (o.schemaVersion = 99)))).toThrow(
      /field 'schemaVersion' is 99, written by a newer Engram; this version reads schema 1/,
    );
    expect(() => parseResultFile(mutate((o) => (o.schemaVersion = 'one')))).toThrow(/schemaVersion' must be a positive integer/);
  });

  it('parseResultFile(text) names the offending field and what it must be', () => {
    const cases: [(o: Record<string, unknown>) => void, RegExp][] = [
      [(o) => (o.status = 'done'), /field 'status' must be 'complete' or 'interrupted', got the string "done"/],
      [(o) => ((o.metrics as Record<string, unknown>).rate = 'fast'), /field 'metrics\.rate' must be a number or null/],
      [(o) => (o.seed = null), /field 'seed' must be a number, got null/],
      [(o) => delete o.series, /field 'series' must be an object, got undefined/],
      [(o) => (o.figures = {}), /field 'figures' must be an array/],
      [(o) => ((o.figures as { kind: unknown }[])[0].kind = 3), /field 'figures\[0\]\.kind' must be a string/],
      [(o) => ((o.figures as { series: Record<string, string> }[])[1].series.v = 'nope'), /figures\[1\]\.series\.v' names series 'nope'/],
      [(o) => ((o.comparisons as { pass: unknown }[])[0].pass = 'yes'), /comparisons\[0\]\.pass' must be true or false/],
      [(o) => (o.startedAt = 'yesterday'), /field 'startedAt' must be an ISO 8601 date/],
      [(o) => ((o.parameters as Record<string, unknown>).tauM = [1]), /field 'parameters\.tauM' must be a number, boolean or string/],
      [(o) => ((o.experiment as Record<string, unknown>).title = 1), /field 'experiment\.title' must be a string/],
      [(o) => (o.gitCommit = 5), /field 'gitCommit' must be a string/],
    ];
    for (const [change, message] of cases) {
      const text = mutate(change);
      expect(() => parseResultFile(text)).toThrow(ResultFileError);
      expect(() => parseResultFile(text)).toThrow(message);
    }
  });

  it('parseResultFile() errors carry the source and the field', () => {
    try {
      parseResultFile(mutate((o) => (o.seed = 'x')), 'r.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ResultFileError);
      expect((error as ResultFileError).source).toBe('r.json');
      expect((error as ResultFileError).field).toBe('seed');
    }
  });
});
