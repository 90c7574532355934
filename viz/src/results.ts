/**
 * The results view: opens a `result.json` (file picker, drag and drop, or the list of runs
 * the dashboard server finds under results/) and shows its parameters, metrics,
 * comparisons and figures, drawn by the same figure builders as the HTML reports. A file
 * that is not an Engram result gets a message in the page, never a blank page.
 */
import { buildFigure } from '../../src/figures/registry.js';
import { formatNumber } from '../../src/io/formatNumber.js';
import { parseResultFile } from '../../src/io/parseResultFile.js';
import type { ResultFile } from '../../src/io/resultFile.js';
import { el, showError } from './dom.js';
import { Plotly } from './plotly.js';

/** A run the server lists (GET /api/results). */
interface RunEntry {
  readonly path: string;
  readonly experiment: string;
  readonly run: string;
}

export class ResultsView {
  private readonly errorBox: HTMLElement;
  private readonly content: HTMLElement;
  private readonly runs: HTMLElement;

  constructor(readonly root: HTMLElement) {
    const input = el('input', { id: 'result-file', type: 'file', accept: '.json,application/json' });
    const drop = el('div', { id: 'drop-zone', class: 'drop-zone' }, ['Drop a result.json here, or choose one: ', input]);
    this.errorBox = el('div', { id: 'result-error', class: 'error', hidden: '' });
    this.content = el('div', { id: 'result', class: 'result' });
    this.runs = el('div', { id: 'runs', class: 'runs' });
    root.append(drop, this.runs, this.errorBox, this.content);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.openFile(file);
      input.value = '';
    });
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      const file = event.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
  }

  /** Lists the runs the server knows (nothing when the page is served as static files). */
  async listRuns(): Promise<void> {
    let entries: RunEntry[];
    try {
      const response = await fetch('api/results');
      if (!response.ok) return;
      entries = ((await response.json()) as { runs: RunEntry[] }).runs;
    } catch {
      return;
    }
    if (entries.length === 0) {
      this.runs.replaceChildren(el('p', { class: 'hint' }, ['No runs under results/ yet (make one with npx engram run <name>).']));
      return;
    }
    const list = el('ul', {});
    for (const entry of entries) {
      const link = el('a', { href: '#', 'data-path': entry.path }, [`${entry.experiment} / ${entry.run}`]);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void this.openUrl(`api/result?path=${encodeURIComponent(entry.path)}`, entry.path);
      });
      list.append(el('li', {}, [link]));
    }
    this.runs.replaceChildren(el('h3', {}, ['Runs under results/']), list);
  }

  async openFile(file: File): Promise<void> {
    this.open(await file.text(), file.name);
  }

  async openUrl(url: string, name: string): Promise<void> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${name}: the server answered ${response.status} ${response.statusText}`);
      this.open(await response.text(), name);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private fail(message: string): void {
    showError(this.errorBox, message);
    this.root.dataset.state = 'error';
  }

  /** Parses and shows a result file's text; a bad file shows the reader's message. */
  open(text: string, name: string): void {
    this.errorBox.hidden = true;
    let result: ResultFile;
    try {
      result = parseResultFile(text, name);
    } catch (error) {
      this.clear();
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    this.show(result, name);
  }

  /** Removes the result shown (and its plots). */
  private clear(): void {
    for (const old of this.content.querySelectorAll<HTMLElement>('.figure')) Plotly.purge(old);
    this.content.replaceChildren();
  }

  private show(result: ResultFile, name: string): void {
    this.clear();
    const info = result.experiment;
    const table = (head: string[], rows: (string | Node)[][]) =>
      el('table', {}, [el('thead', {}, [el('tr', {}, head.map((h) => el('th', {}, [h])))]), el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, [c])))))]);
    const params = table(
      ['parameter', 'value', 'unit', 'description'],
      Object.entries(result.parameters).map(([k, v]) => [k, String(v), info.parameters[k]?.unit ?? '', info.parameters[k]?.description ?? '']),
    );
    const metrics = table(
      ['metric', 'value'],
      Object.entries(result.metrics).map(([k, v]) => [k, formatNumber(v)]),
    );
    const comparisons = table(
      ['comparison', 'measured', 'expected', 'tolerance', 'source', ''],
      result.comparisons.map((c) => [c.name, formatNumber(c.measured), formatNumber(c.expected), formatNumber(c.tolerance), c.source, el('span', { class: c.pass ? 'pass' : 'fail' }, [c.pass ? 'pass' : 'FAIL'])]),
    );
    const figures = el('div', { class: 'figures' });
    this.content.replaceChildren(
      el('h2', { id: 'result-title' }, [info.title]),
      el('p', { class: 'meta' }, [
        `${name} · ${info.name} · status ${result.status} · seed ${result.seed}${result.quick ? ' · quick' : ''} · backend ${result.backend ?? 'n/a'} · ` +
          `${result.startedAt} · ${formatNumber(result.wallTimeS)} s · Engram ${result.engramVersion}${result.gitCommit ? ` (${result.gitCommit.slice(0, 8)}${result.gitDirty ? ', dirty' : ''})` : ''}`,
      ]),
      el('p', { class: 'paper' }, [info.paper]),
      el('p', { class: 'expected' }, [`Expected: ${info.expected}`]),
      el('div', { class: 'tables' }, [el('div', {}, [el('h3', {}, ['Parameters']), params]), el('div', {}, [el('h3', {}, ['Metrics']), metrics])]),
      ...(result.comparisons.length > 0 ? [el('h3', {}, ['Comparisons']), comparisons] : []),
      el('h3', {}, ['Figures']),
      figures,
    );
    result.figures.forEach((figure, i) => {
      const div = el('div', { class: 'figure', id: `figure-${i}`, 'data-kind': figure.kind });
      figures.append(div);
      try {
        const built = buildFigure(figure, result.series);
        void Plotly.newPlot(div, built.data, { ...built.layout, autosize: true }, { responsive: true, displaylogo: false });
      } catch (error) {
        div.classList.add('figure-error');
        div.textContent = `Figure '${figure.title}' could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      }
    });
    this.root.dataset.state = 'ready';
  }
}
