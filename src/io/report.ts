/**
 * The HTML report of a run: one self-contained page — title, paper, expected result,
 * comparisons with pass/fail, metrics, figures, parameters and run details — that opens
 * offline. plotly.js is inlined (or referenced beside the page), the figures are embedded
 * as JSON built by the shared figure builders, and a Content-Security-Policy forbids any
 * network access. Pure (no Node APIs): give it the plotly source.
 */
import { buildFigure } from '../figures/registry.js';
import type { PlotlyFigure } from '../figures/figure.js';
import { formatNumber } from './formatNumber.js';
import type { ResultFile } from './resultFile.js';

/** Where the report gets plotly.js from. */
export type ReportPlotly =
  /** inline this source into the page (self-contained) */
  | { readonly source: string }
  /** load it from this relative path beside the page (e.g. a copied `plotly.js`) */
  | { readonly src: string };

/** Options of {@link renderReport}. */
export interface ReportOptions {
  readonly plotly: ReportPlotly;
}

/** A figure of the report: built, or the reason it could not be. */
export type ReportFigure =
  | { readonly title: string; readonly kind: string; readonly figure: PlotlyFigure }
  | { readonly title: string; readonly kind: string; readonly error: string };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no HTML comment openers). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Builds every figure of a result, keeping the error of any that fails instead of throwing. */
export function reportFigures(result: ResultFile): ReportFigure[] {
  return result.figures.map((spec) => {
    try {
      return { title: spec.title, kind: spec.kind, figure: buildFigure(spec, result.series) };
    } catch (error) {
      return { title: spec.title, kind: spec.kind, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' 'self'; style-src 'unsafe-inline'; " +
  "img-src data: blob:; font-src data:; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { --fg: #1d1f21; --muted: #5f6368; --line: #e3e5e8; --bg: #f6f7f9; --ok: #1e7b34; --ok-bg: #e6f4ea; --bad: #b3261e; --bad-bg: #fce8e6; --warn: #8a5a00; --warn-bg: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
header { margin-bottom: 20px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 0 0 10px; }
.paper { color: var(--muted); margin: 0 0 10px; font-style: italic; }
.lead { margin: 0; }
.badges { margin: 10px 0 0; display: flex; gap: 8px; flex-wrap: wrap; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 600; background: #eceff3; color: var(--muted); }
.badge.ok { background: var(--ok-bg); color: var(--ok); }
.badge.bad { background: var(--bad-bg); color: var(--bad); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 0 0 18px; }
.expected { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
table.kv { width: auto; min-width: min(100%, 520px); }
table.kv td:first-child, table.kv th:first-child { padding-right: 56px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { text-align: right; }
tr:last-child td { border-bottom: none; }
td.name, td code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
td.changed { font-weight: 700; }
.pass { color: var(--ok); font-weight: 700; }
.fail { color: var(--bad); font-weight: 700; }
.summary { margin: 0 0 10px; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 18px; }
.grid > section { margin: 0; }
.figure-box { margin: 0 0 18px; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px; }
.figure { width: 100%; min-height: 300px; }
.figure-error { padding: 14px 16px; color: var(--bad); background: var(--bad-bg); border-radius: 8px; font-family: ui-monospace, monospace; font-size: 13px; }
.muted { color: var(--muted); }
footer { color: var(--muted); font-size: 13px; margin-top: 24px; }
`;

const BOOT = `
(function () {
  var root = document.documentElement;
  var figures = JSON.parse(document.getElementById('engram-figures').textContent);
  var config = { responsive: true, displaylogo: false, toImageButtonOptions: { format: 'png', scale: 2 } };
  var pending = [];
  figures.forEach(function (f, i) {
    var el = document.getElementById('figure-' + i);
    if (el && f) pending.push(Plotly.newPlot(el, f.data, f.layout, config));
  });
  Promise.all(pending).then(
    function () { root.setAttribute('data-report', 'ready'); },
    function (error) { root.setAttribute('data-report', 'error'); console.error(error); }
  );
})();
`;

function row(cells: string[], tag: 'td' | 'th' = 'td'): string {
  return `<tr>${cells.map((c) => (c.startsWith('<td') || c.startsWith('<th') ? c : `<${tag}>${c}</${tag}>`)).join('')}</tr>`;
}

function numCell(value: number | null): string {
  return `<td class="num">${escapeHtml(formatNumber(value))}</td>`;
}

function table(head: string[], rows: string[], numericColumns: number[] = [], className = ''): string {
  const headCells = head.map((h, i) => `<th${numericColumns.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`);
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${headCells.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function parameterValue(value: number | boolean | string): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function comparisonsSection(result: ResultFile): string {
  if (result.comparisons.length === 0) return '';
  const passed = result.comparisons.filter((c) => c.pass).length;
  const rows = result.comparisons.map((c) =>
    row([
      `<td class="name">${escapeHtml(c.name)}</td>`,
      numCell(c.measured),
      numCell(c.expected),
      `<td class="num">± ${escapeHtml(formatNumber(c.tolerance))}</td>`,
      `<td>${escapeHtml(c.source)}</td>`,
      c.pass ? '<td class="pass">✓ pass</td>' : '<td class="fail">✗ fail</td>',
    ]),
  );
  return `<section id="comparisons"><h2>Comparisons</h2>
<p class="summary">${passed} of ${result.comparisons.length} within tolerance</p>
${table(['quantity', 'measured', 'expected', 'tolerance', 'source', 'result'], rows, [1, 2, 3])}</section>`;
}

function metricsSection(result: ResultFile): string {
  const entries = Object.entries(result.metrics);
  const body =
    entries.length === 0
      ? '<p class="muted">No metrics.</p>'
      : table(
          ['metric', 'value'],
          entries.map(([name, value]) => row([`<td class="name">${escapeHtml(name)}</td>`, numCell(value)])),
          [1],
          'kv',
        );
  return `<section id="metrics"><h2>Metrics</h2>${body}</section>`;
}

function parametersSection(result: ResultFile): string {
  const specs = result.experiment.parameters;
  const names = [...new Set([...Object.keys(specs), ...Object.keys(result.parameters)])];
  const rows = names.map((name) => {
    const spec = specs[name];
    const value = result.parameters[name];
    const changed = spec !== undefined && value !== undefined && value !== spec.default;
    return row([
      `<td class="name">${escapeHtml(name)}</td>`,
      `<td class="num${changed ? ' changed' : ''}">${value === undefined ? '—' : escapeHtml(parameterValue(value))}</td>`,
      `<td>${escapeHtml(spec?.unit ?? '')}</td>`,
      `<td class="num muted">${spec ? escapeHtml(parameterValue(spec.default)) : ''}</td>`,
      `<td>${escapeHtml(spec?.description ?? '')}</td>`,
    ]);
  });
  const note = result.quick ? '<p class="summary">Quick version (<code>--quick</code>): a small run for smoke tests.</p>' : '';
  return `<section id="parameters"><h2>Parameters</h2>${note}${
    rows.length === 0 ? '<p class="muted">No parameters.</p>' : table(['parameter', 'value', 'unit', 'default', 'description'], rows, [1, 3])
  }</section>`;
}

function runSection(result: ResultFile): string {
  const commit =
    result.gitCommit === null ? 'not a git checkout' : `${result.gitCommit.slice(0, 12)}${result.gitDirty ? ' (modified)' : ''}`;
  const rows: [string, string][] = [
    ['experiment', result.experiment.name],
    ['status', result.status],
    ['seed', String(result.seed)],
    ['started', result.startedAt],
    ['ended', result.endedAt],
    ['wall time', `${formatNumber(result.wallTimeS)} s`],
    ['backend', result.backend ?? 'not reported'],
    ['Engram', result.engramVersion],
    ['git commit', commit],
    ['runtime', result.runtime],
  ];
  return `<section id="run"><h2>Run</h2>${table(
    ['field', 'value'],
    rows.map(([k, v]) => row([escapeHtml(k), `<td><code>${escapeHtml(v)}</code></td>`])),
    [],
    'kv',
  )}</section>`;
}

function badges(result: ResultFile): string {
  const items: string[] = [];
  items.push(
    result.status === 'complete'
      ? '<span class="badge ok">complete</span>'
      : '<span class="badge warn">interrupted — partial result</span>',
  );
  if (result.comparisons.length > 0) {
    const passed = result.comparisons.filter((c) => c.pass).length;
    const all = passed === result.comparisons.length;
    items.push(`<span class="badge ${all ? 'ok' : 'bad'}">${passed}/${result.comparisons.length} comparisons pass</span>`);
  }
  if (result.quick) items.push('<span class="badge">quick</span>');
  items.push(`<span class="badge">seed ${result.seed}</span>`);
  items.push(`<span class="badge">${escapeHtml(formatNumber(result.wallTimeS))} s</span>`);
  return `<div class="badges">${items.join('')}</div>`;
}

/**
 * Renders the report page of a result.
 *
 * @example
 * const html = renderReport(result, { plotly: { source: await loadPlotlySource() } });
 */
export function renderReport(result: ResultFile, options: ReportOptions): string {
  const figures = reportFigures(result);
  const title = `${result.experiment.title} — Engram report`;
  const figureHtml =
    figures.length === 0
      ? '<section><p class="muted">This experiment produced no figures.</p></section>'
      : figures
          .map((f, i) =>
            'error' in f
              ? `<div class="figure-box"><div class="figure-error" id="figure-${i}" data-kind="${escapeHtml(f.kind)}">Figure “${escapeHtml(f.title)}” could not be drawn: ${escapeHtml(f.error)}</div></div>`
              : `<div class="figure-box"><div class="figure" id="figure-${i}" data-kind="${escapeHtml(f.kind)}" role="img" aria-label="${escapeHtml(f.title)}"></div></div>`,
          )
          .join('\n');
  const figureJson = scriptSafeJson(figures.map((f) => ('error' in f ? null : f.figure)));
  const plotlyTag =
    'source' in options.plotly
      ? `<script>${options.plotly.source.replace(/<\/(script)/gi, '<\\/$1')}</script>`
      : `<script src="${escapeHtml(options.plotly.src)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Engram ${escapeHtml(result.engramVersion)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(result.experiment.title)}</h1>
<p class="paper">${escapeHtml(result.experiment.paper)}</p>
<p class="lead">${escapeHtml(result.experiment.description)}</p>
${badges(result)}
</header>
<section id="expected"><h2>Expected result</h2><p class="expected">${escapeHtml(result.experiment.expected)}</p></section>
${comparisonsSection(result)}
${metricsSection(result)}
<h2 id="figures">Figures</h2>
${figureHtml}
${parametersSection(result)}
${runSection(result)}
<footer>Written by Engram ${escapeHtml(result.engramVersion)} on ${escapeHtml(result.endedAt)}. The data behind every figure is in <code>result.json</code> beside this page.</footer>
</main>
<script type="application/json" id="engram-figures">${figureJson}</script>
${plotlyTag}
<script>${BOOT}</script>
</body>
</html>
`;
}
