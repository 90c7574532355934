/**
 * The SDR view: encode values with a ScalarEncoder or an RDSE, see the encodings and
 * their pairwise overlaps, and compare a union's measured false-positive rate with
 * Ahmad & Hawkins' theory (unionFalsePositive).
 */
import type { Data } from 'plotly.js-dist';
import { RDSE, Rng, SDR, ScalarEncoder, unionFalsePositive } from '../../src/index.js';
import { el, showError } from './dom.js';
import { Plotly } from './plotly.js';
import { parseBits } from './live.js';

function numberInput(id: string, value: string, title: string): HTMLInputElement {
  return el('input', { id, type: 'number', value, title, class: 'num' });
}

export class SdrView {
  private readonly errorBox = el('div', { id: 'sdr-error', class: 'error', hidden: '' });
  private readonly encodings = el('div', { id: 'sdr-encodings', class: 'figure' });
  private readonly overlaps = el('div', { id: 'sdr-overlaps', class: 'figure' });
  private readonly union = el('div', { id: 'sdr-union', class: 'figure' });
  private readonly unionNote = el('p', { id: 'sdr-union-note', class: 'hint' });

  constructor(readonly root: HTMLElement) {
    const encoder = el('select', { id: 'sdr-encoder' }, [el('option', { value: 'scalar' }, ['ScalarEncoder']), el('option', { value: 'rdse' }, ['RDSE'])]);
    const size = numberInput('sdr-size', '400', 'size (bits)');
    const active = numberInput('sdr-active', '21', 'active bits');
    const radius = numberInput('sdr-radius', '5', 'radius');
    const values = el('input', { id: 'sdr-values', type: 'text', value: '0, 2, 4, 8, 16, 32, 64, 100', size: '30' });
    const encode = el('button', { id: 'sdr-encode' }, ['Encode']);
    const n = numberInput('union-n', '256', 'n');
    const w = numberInput('union-w', '10', 'w');
    const mMax = numberInput('union-m', '40', 'largest union');
    const trials = numberInput('union-trials', '4000', 'random probes per point');
    const measure = el('button', { id: 'union-run' }, ['Measure']);
    root.append(
      el('h3', {}, ['Encoders']),
      el('div', { class: 'controls' }, [
        el('label', {}, ['Encoder ', encoder]),
        el('label', {}, ['size ', size]),
        el('label', {}, ['active bits ', active]),
        el('label', {}, ['radius ', radius]),
        el('label', {}, ['values ', values]),
        encode,
      ]),
      this.errorBox,
      el('div', { class: 'pair' }, [this.encodings, this.overlaps]),
      el('h3', {}, ['Union false positives: measured vs theory']),
      el('div', { class: 'controls' }, [el('label', {}, ['n ', n]), el('label', {}, ['w ', w]), el('label', {}, ['union of up to M = ', mMax]), el('label', {}, ['probes ', trials]), measure]),
      this.union,
      this.unionNote,
    );
    encode.addEventListener('click', () =>
      this.guard(() => this.encode(encoder.value as 'scalar' | 'rdse', Number(size.value), Number(active.value), Number(radius.value), parseBits(values.value))),
    );
    measure.addEventListener('click', () => this.guard(() => this.measureUnion(Number(n.value), Number(w.value), Number(mMax.value), Number(trials.value))));
  }

  /** Draws both panels with their defaults. */
  start(): void {
    for (const button of ['sdr-encode', 'union-run']) (this.root.querySelector(`#${button}`) as HTMLButtonElement).click();
  }

  private guard(action: () => void): void {
    this.errorBox.hidden = true;
    try {
      action();
    } catch (error) {
      showError(this.errorBox, error instanceof Error ? error.message : String(error));
    }
  }

  private encode(kind: 'scalar' | 'rdse', size: number, activeBits: number, radius: number, values: number[]): void {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const encoder =
      kind === 'scalar'
        ? new ScalarEncoder({ minimum: Math.min(0, lo), maximum: Math.max(hi, lo + 1), size, activeBits })
        : new RDSE({ size, activeBits, radius, seed: 1 });
    const sdrs: SDR[] = values.map((v) => encoder.encode(v));
    const labels = values.map(String);
    const z = sdrs.map((s) => Array.from(s.dense));
    const overlap = sdrs.map((a) => sdrs.map((b) => a.overlap(b)));
    void Plotly.react(
      this.encodings,
      [{ type: 'heatmap', z, y: labels, colorscale: [[0, '#f4f4f4'], [1, '#1f5fa8']], showscale: false } as Data],
      { title: { text: `${kind === 'scalar' ? 'ScalarEncoder' : 'RDSE'}: active bits per value` }, height: 300, margin: { l: 50, r: 10, t: 40, b: 40 }, xaxis: { title: { text: 'bit' } }, yaxis: { title: { text: 'value' }, type: 'category' } },
      { displaylogo: false },
    );
    void Plotly.react(
      this.overlaps,
      [{ type: 'heatmap', z: overlap, x: labels, y: labels, colorscale: 'Blues', reversescale: true, text: overlap.map((r) => r.map(String)), texttemplate: '%{text}', colorbar: { title: { text: 'overlap' } } } as Data],
      { title: { text: 'Pairwise overlap (shared active bits)' }, height: 300, margin: { l: 50, r: 10, t: 40, b: 40 }, xaxis: { type: 'category' }, yaxis: { type: 'category' } },
      { displaylogo: false },
    );
  }

  private measureUnion(n: number, w: number, mMax: number, trials: number): void {
    const rng = new Rng(7);
    const ms: number[] = [];
    const measured: (number | null)[] = [];
    const theory: number[] = [];
    const ceiling = Math.max(1, Math.min(200, Math.floor(mMax)));
    const probes = Math.max(100, Math.min(100_000, Math.floor(trials)));
    const union = new SDR(n);
    for (let m = 1; m <= ceiling; m++) {
      union.union(union.clone(), new SDR(n).randomize(w / n, rng));
      if (m % Math.max(1, Math.floor(ceiling / 20)) !== 0 && m !== ceiling) continue;
      let hits = 0;
      const probe = new SDR(n);
      for (let t = 0; t < probes; t++) {
        probe.randomize(w / n, rng);
        if (probe.overlap(union) === w) hits++;
      }
      ms.push(m);
      measured.push(hits > 0 ? hits / probes : null);
      theory.push(unionFalsePositive(n, w, m));
    }
    void Plotly.react(
      this.union,
      [
        { type: 'scatter', mode: 'markers', name: `measured (${probes} random probes)`, x: ms, y: measured, marker: { color: '#1f5fa8', size: 7 } } as Data,
        { type: 'scatter', mode: 'lines', name: 'theory: unionFalsePositive(n, w, M)', x: ms, y: theory, line: { color: '#c8372d' } } as Data,
      ],
      {
        title: { text: `False-positive rate of a union of M random SDRs (n = ${n}, w = ${w})` },
        height: 360,
        margin: { l: 70, r: 10, t: 40, b: 50 },
        xaxis: { title: { text: 'M (SDRs in the union)' } },
        yaxis: { title: { text: 'P(random SDR inside the union)' }, type: 'log', exponentformat: 'power' },
        legend: { x: 0.02, y: 0.98 },
      },
      { displaylogo: false },
    );
    this.unionNote.textContent = `Points with no hit among ${probes} probes are left out (rate below ${(1 / probes).toExponential(1)}).`;
  }
}
