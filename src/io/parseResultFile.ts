/**
 * The validating reader of `result.json` (used by the dashboard and by tests). It accepts
 * only Engram result files of a schema version it knows and rejects anything else — text
 * that is not JSON, JSON from another program, a file from a newer Engram, a field of the
 * wrong type — with one message that names the source, the field and what was expected.
 * Pure: no Node APIs, so it runs in the browser.
 */
import { EngramError } from '../core/errors.js';
import type { ParameterSpec } from './experiment.js';
import type { JsonObject, JsonValue } from './jsonValue.js';
import {
  RESULT_FORMAT,
  RESULT_SCHEMA_VERSION,
  type ResultComparison,
  type ResultExperimentInfo,
  type ResultFigure,
  type ResultFile,
} from './resultFile.js';

/** A file that is not a valid Engram result file. */
export class ResultFileError extends EngramError {
  /** where the text came from (a path or a file name) */
  readonly source: string;
  /** the offending field, e.g. `metrics.rate`, or '' for the file as a whole */
  readonly field: string;

  constructor(source: string, field: string, problem: string) {
    super(`${source}: ${field ? `field '${field}' ` : ''}${problem}`);
    this.source = source;
    this.field = field;
  }
}

type Obj = Record<string, unknown>;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

class Reader {
  constructor(readonly source: string) {}

  fail(field: string, problem: string): never {
    throw new ResultFileError(this.source, field, problem);
  }

  object(value: unknown, field: string): Obj {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(field, `must be an object, got ${kindOf(value)}`);
    }
    return value as Obj;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, `must be a string, got ${kindOf(value)}`);
    return value;
  }

  number(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, `must be a number, got ${kindOf(value)}`);
    return value;
  }

  numberOrNull(value: unknown, field: string): number | null {
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(field, `must be a number or null, got ${kindOf(value)}`);
    }
    return value;
  }

  stringOrNull(value: unknown, field: string): string | null {
    if (value === null) return null;
    return this.string(value, field);
  }

  boolean(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean') this.fail(field, `must be true or false, got ${kindOf(value)}`);
    return value;
  }

  booleanOrNull(value: unknown, field: string): boolean | null {
    if (value === null) return null;
    return this.boolean(value, field);
  }

  array(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) this.fail(field, `must be an array, got ${kindOf(value)}`);
    return value;
  }

  date(value: unknown, field: string): string {
    const text = this.string(value, field);
    if (Number.isNaN(Date.parse(text))) this.fail(field, `must be an ISO 8601 date, got ${kindOf(text)}`);
    return text;
  }
}

function readParameterSpec(r: Reader, value: unknown, field: string): ParameterSpec {
  const o = r.object(value, field);
  const type = o.type;
  if (type !== 'number' && type !== 'integer' && type !== 'boolean' && type !== 'string') {
    r.fail(`${field}.type`, `must be 'number', 'integer', 'boolean' or 'string', got ${kindOf(type)}`);
  }
  return o as unknown as ParameterSpec;
}

function readExperiment(r: Reader, value: unknown): ResultExperimentInfo {
  const o = r.object(value, 'experiment');
  const parameters = r.object(o.parameters, 'experiment.parameters');
  const specs: Record<string, ParameterSpec> = {};
  for (const [name, spec] of Object.entries(parameters)) {
    specs[name] = readParameterSpec(r, spec, `experiment.parameters.${name}`);
  }
  return {
    name: r.string(o.name, 'experiment.name'),
    title: r.string(o.title, 'experiment.title'),
    description: r.string(o.description, 'experiment.description'),
    paper: r.string(o.paper, 'experiment.paper'),
    expected: r.string(o.expected, 'experiment.expected'),
    parameters: specs,
  };
}

function readFigure(r: Reader, value: unknown, index: number, series: Obj): ResultFigure {
  const field = `figures[${index}]`;
  const o = r.object(value, field);
  const roles = r.object(o.series, `${field}.series`);
  const mapping: Record<string, string> = {};
  for (const [role, key] of Object.entries(roles)) {
    const name = r.string(key, `${field}.series.${role}`);
    if (!(name in series)) r.fail(`${field}.series.${role}`, `names series '${name}', which the file does not hold`);
    mapping[role] = name;
  }
  const figure: ResultFigure = {
    kind: r.string(o.kind, `${field}.kind`),
    title: r.string(o.title, `${field}.title`),
    series: mapping,
  };
  if (o.options === undefined) return figure;
  return { ...figure, options: r.object(o.options, `${field}.options`) as JsonObject };
}

function readComparison(r: Reader, value: unknown, index: number): ResultComparison {
  const field = `comparisons[${index}]`;
  const o = r.object(value, field);
  return {
    name: r.string(o.name, `${field}.name`),
    measured: r.numberOrNull(o.measured, `${field}.measured`),
    expected: r.numberOrNull(o.expected, `${field}.expected`),
    source: r.string(o.source, `${field}.source`),
    tolerance: r.numberOrNull(o.tolerance, `${field}.tolerance`),
    pass: r.boolean(o.pass, `${field}.pass`),
  };
}

/**
 * Reads and validates the text of a `result.json`.
 *
 * @param text the file's content
 * @param source where it came from, for messages (a path or a file name)
 * @throws ResultFileError naming the field when the text is not a valid Engram result file
 *
 * @example
 * const result = parseResultFile(await file.text(), file.name);
 * console.log(result.experiment.title, result.metrics);
 */
export function parseResultFile(text: string, source = 'result.json'): ResultFile {
  const r: Reader = new Reader(source);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    r.fail('', `is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    r.fail('', `is not an Engram result file: expected a JSON object, got ${kindOf(json)}`);
  }
  const o = json as Obj;
  if (o.format !== RESULT_FORMAT) {
    r.fail('', `is not an Engram result file: it lacks "format": "${RESULT_FORMAT}"`);
  }
  const version = o.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    r.fail('schemaVersion', `must be a positive integer, got ${kindOf(version)}`);
  }
  if (version > RESULT_SCHEMA_VERSION) {
    r.fail(
      'schemaVersion',
      `is ${version}, written by a newer Engram; this version reads schema ${RESULT_SCHEMA_VERSION}. Update Engram to open it`,
    );
  }
  const status = o.status;
  if (status !== 'complete' && status !== 'interrupted') {
    r.fail('status', `must be 'complete' or 'interrupted', got ${kindOf(status)}`);
  }

  const parametersIn = r.object(o.parameters, 'parameters');
  const parameters: Record<string, number | boolean | string> = {};
  for (const [name, value] of Object.entries(parametersIn)) {
    if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') {
      r.fail(`parameters.${name}`, `must be a number, boolean or string, got ${kindOf(value)}`);
    }
    parameters[name] = value;
  }
  const metricsIn = r.object(o.metrics, 'metrics');
  const metrics: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(metricsIn)) metrics[name] = r.numberOrNull(value, `metrics.${name}`);

  const series = r.object(o.series, 'series');
  const figures = r.array(o.figures, 'figures').map((f, i) => readFigure(r, f, i, series));
  const comparisons = r.array(o.comparisons, 'comparisons').map((c, i) => readComparison(r, c, i));

  const seed = r.number(o.seed, 'seed');
  return {
    format: RESULT_FORMAT,
    schemaVersion: RESULT_SCHEMA_VERSION,
    engramVersion: r.string(o.engramVersion, 'engramVersion'),
    gitCommit: r.stringOrNull(o.gitCommit, 'gitCommit'),
    gitDirty: r.booleanOrNull(o.gitDirty, 'gitDirty'),
    runtime: r.string(o.runtime, 'runtime'),
    experiment: readExperiment(r, o.experiment),
    status,
    seed,
    quick: r.boolean(o.quick, 'quick'),
    parameters,
    startedAt: r.date(o.startedAt, 'startedAt'),
    endedAt: r.date(o.endedAt, 'endedAt'),
    wallTimeS: r.number(o.wallTimeS, 'wallTimeS'),
    backend: r.stringOrNull(o.backend, 'backend'),
    metrics,
    comparisons,
    figures,
    series: series as Record<string, JsonValue>,
  };
}
