/**
 * The `result.json` schema: what one experiment run writes, and what reports and the
 * dashboard read. This module is pure (no Node APIs), so the dashboard can use it in the
 * browser; {@link parseResultFile} is the validating reader.
 *
 * Numbers that are not finite are stored as `null` (JSON has no NaN); typed arrays are
 * stored as arrays. The file starts with `"format": "engram-result"` and a
 * `schemaVersion`, so a reader can tell an Engram result from any other JSON.
 */
import { EngramError } from '../core/errors.js';
import type { ExperimentMeta, ExperimentOutput, ParameterSpec, ParameterValues } from './experiment.js';
import { formatJson, toJsonValue, type JsonObject, type JsonValue } from './jsonValue.js';

/** The `format` marker every result file carries. */
export const RESULT_FORMAT = 'engram-result';

/** The schema version this code writes and reads. Bump it when a field changes meaning. */
export const RESULT_SCHEMA_VERSION = 1;

/** How a run ended. */
export type RunStatus = 'complete' | 'interrupted';

/** The experiment's metadata as it was when the run was made. */
export interface ResultExperimentInfo {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly paper: string;
  readonly expected: string;
  /** the parameter schema (type, default, unit, range, description) */
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
}

/** A figure as stored: which shared builder draws it and which series it reads. */
export interface ResultFigure {
  readonly kind: string;
  readonly title: string;
  /** builder input role -> key of {@link ResultFile.series} */
  readonly series: Readonly<Record<string, string>>;
  readonly options?: JsonObject;
}

/** A measured value beside its reference; `null` stands for a number that was not finite. */
export interface ResultComparison {
  readonly name: string;
  readonly measured: number | null;
  readonly expected: number | null;
  readonly source: string;
  readonly tolerance: number | null;
  readonly pass: boolean;
}

/** Where and with what a run was made. */
export interface Provenance {
  /** `version` of Engram's package.json */
  readonly engramVersion: string;
  /** `git rev-parse HEAD` of the Engram checkout, or null outside a git checkout */
  readonly gitCommit: string | null;
  /** whether tracked files differed from that commit; null when unknown */
  readonly gitDirty: boolean | null;
  /** e.g. `node v20.19.0 (linux x64)` */
  readonly runtime: string;
}

/** The content of `result.json`. */
export interface ResultFile extends Provenance {
  readonly format: typeof RESULT_FORMAT;
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly experiment: ResultExperimentInfo;
  readonly status: RunStatus;
  readonly seed: number;
  /** whether the `--quick` values were used */
  readonly quick: boolean;
  /** the parameter values used (after defaults and validation) */
  readonly parameters: Readonly<ParameterValues>;
  /** ISO 8601 UTC */
  readonly startedAt: string;
  /** ISO 8601 UTC */
  readonly endedAt: string;
  /** wall-clock seconds from start to end */
  readonly wallTimeS: number;
  /** which engine backend ran it, or null when the experiment did not say */
  readonly backend: string | null;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly comparisons: readonly ResultComparison[];
  readonly figures: readonly ResultFigure[];
  /** arrays for the figures, by name */
  readonly series: Readonly<Record<string, JsonValue>>;
}

/** Everything {@link createResultFile} needs besides the experiment's output. */
export interface ResultRunInfo {
  readonly meta: ExperimentMeta;
  readonly parameters: ParameterValues;
  readonly seed: number;
  readonly quick: boolean;
  readonly startedAt: Date;
  readonly endedAt: Date;
  /** true when the run was stopped early (status 'interrupted') */
  readonly interrupted: boolean;
  readonly provenance: Provenance;
}

/** The metadata snapshot stored in a result file. */
export function experimentInfo(meta: ExperimentMeta): ResultExperimentInfo {
  return {
    name: meta.name,
    title: meta.title,
    description: meta.description,
    paper: meta.paper,
    expected: meta.expected,
    parameters: toJsonValue(meta.parameters, 'meta.parameters') as unknown as Record<string, ParameterSpec>,
  };
}

/**
 * Builds the `result.json` content of a run from the experiment's output: converts typed
 * arrays, checks that every value can be stored and that every figure's series exists.
 *
 * @throws EngramError naming the offending field when the output cannot be stored
 */
export function createResultFile(run: ResultRunInfo, output: ExperimentOutput): ResultFile {
  const series = toJsonValue(output.series ?? {}, 'series');
  if (series === null || typeof series !== 'object' || Array.isArray(series)) {
    throw new EngramError(`${run.meta.name}: output.series must be an object of arrays`);
  }
  const metrics: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(output.metrics ?? {})) {
    if (typeof value !== 'number') {
      throw new EngramError(`${run.meta.name}: metric '${name}' is a ${typeof value}; metrics are numbers`);
    }
    metrics[name] = Number.isFinite(value) ? value : null;
  }
  const figures = (output.figures ?? []).map((figure, i): ResultFigure => {
    for (const [role, key] of Object.entries(figure.series)) {
      if (!(key in series)) {
        throw new EngramError(
          `${run.meta.name}: figure ${i + 1} ('${figure.title}') reads series '${key}' as '${role}', ` +
            `but the output has no such series; series: ${Object.keys(series).join(', ') || '(none)'}`,
        );
      }
    }
    const stored: ResultFigure = { kind: figure.kind, title: figure.title, series: { ...figure.series } };
    return figure.options === undefined
      ? stored
      : { ...stored, options: toJsonValue(figure.options, `figures[${i}].options`) as JsonObject };
  });
  const comparisons = (output.comparisons ?? []).map(
    (c): ResultComparison => ({
      name: c.name,
      measured: Number.isFinite(c.measured) ? c.measured : null,
      expected: Number.isFinite(c.expected) ? c.expected : null,
      source: c.source,
      tolerance: Number.isFinite(c.tolerance) ? c.tolerance : null,
      pass: c.pass,
    }),
  );
  return {
    format: RESULT_FORMAT,
    schemaVersion: RESULT_SCHEMA_VERSION,
    engramVersion: run.provenance.engramVersion,
    gitCommit: run.provenance.gitCommit,
    gitDirty: run.provenance.gitDirty,
    runtime: run.provenance.runtime,
    experiment: experimentInfo(run.meta),
    status: run.interrupted ? 'interrupted' : 'complete',
    seed: run.seed,
    quick: run.quick,
    parameters: { ...run.parameters },
    startedAt: run.startedAt.toISOString(),
    endedAt: run.endedAt.toISOString(),
    wallTimeS: Math.max(0, (run.endedAt.getTime() - run.startedAt.getTime()) / 1000),
    backend: output.backend ?? null,
    metrics,
    comparisons,
    figures,
    series,
  };
}

/**
 * The text of `result.json`: one top-level field per line, small objects expanded,
 * arrays of numbers on one line (so files stay compact and diff well). Ends with a newline.
 */
export function serializeResultFile(result: ResultFile): string {
  return `${formatJson(result as unknown as JsonValue, 3)}\n`;
}

