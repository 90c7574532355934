/**
 * The live view: a preset runs in the worker; the page draws its raster (scattergl, one
 * colour per population), population rates, membrane traces (threshold drawn) and, for the
 * STDP preset, the weights — all on one time axis with a sliding window. Frames from the
 * worker are merged and drawn at most once per animation frame with Plotly.extendTraces.
 */
import type { Data, Layout } from 'plotly.js-dist';
import { colour } from '../../src/figures/figure.js';
import { Plotly, extendTraces } from './plotly.js';
import type { Frame, FromWorker, LiveBackend, OperationResult, PresetInfo, PresetName, ToWorker } from './protocol.js';
import { WindowedCount } from './windowed.js';
import { el, showError } from './dom.js';

/**
 * Shortest interval between two redraws of the live figure, ms; it grows to twice what a
 * redraw costs, so redrawing never takes more than about a third of the page's time.
 */
const MIN_REDRAW_MS = 30;
const SPEEDS = [0.5, 1, 2, 5, 10, 20, 50];
const PRESETS: { value: PresetName; label: string }[] = [
  { value: 'ca3', label: 'CA3 content-addressable memory' },
  { value: 'completion', label: 'Spiking pattern completion (CA3 autoassociative)' },
  { value: 'stdp', label: 'Song 2000 STDP' },
  { value: 'cuba', label: 'CUBA balanced network (N = 4000)' },
];

/** Parses "1, 4, 7" into bit indices. */
export function parseBits(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map((s) => Number(s));
}

interface Pending {
  spikeX: number[][];
  spikeY: number[][];
  rateX: number[];
  rateY: number[][];
  vX: number[];
  vY: number[][];
  t: number;
  weights: NonNullable<Frame['weights']>[];
  stepsPerSecond: number;
}

export class LiveView {
  readonly root: HTMLElement;
  private worker: Worker | null = null;
  private info: PresetInfo | null = null;
  private readonly plot: HTMLElement;
  private readonly weightPlot: HTMLElement;
  private readonly status: HTMLElement;
  private readonly opPanel: HTMLElement;
  private readonly resultBox: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly presetSelect: HTMLSelectElement;
  private readonly backendSelect: HTMLSelectElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly runButton: HTMLButtonElement;
  private wantRun = false;
  private pending: Pending | null = null;
  private drawing = false;
  private plotReady = false;
  private counts: WindowedCount[] = [];
  private totalSpikes = 0;
  private weightHistory: { t: number; counts: Float32Array }[] = [];
  private latestWeights: Float32Array | null = null;
  private lastWeightDraw = 0;
  private lastDraw = 0;
  /** what the last redraw cost, rendering included, ms */
  private drawCost = 0;

  constructor(root: HTMLElement) {
    this.root = root;
    this.presetSelect = el('select', { id: 'preset', title: 'preset' }, PRESETS.map((p) => el('option', { value: p.value }, [p.label])));
    this.backendSelect = el('select', { id: 'backend', title: 'backend' }, [el('option', { value: 'cpu' }, ['cpu']), el('option', { value: 'gpu' }, ['gpu (gpu.js)'])]);
    this.speedSelect = el(
      'select',
      { id: 'speed', title: 'model time per frame' },
      SPEEDS.map((s) => el('option', { value: String(s) }, [`${s} ms / frame`])),
    );
    this.speedSelect.value = '2';
    this.runButton = el('button', { id: 'run' }, ['Run']);
    const pause = el('button', { id: 'pause' }, ['Pause']);
    const step = el('button', { id: 'step' }, ['Step']);
    const reset = el('button', { id: 'reset' }, ['Reset']);
    this.status = el('div', { id: 'live-status', class: 'status' }, ['loading…']);
    this.opPanel = el('div', { id: 'operations', class: 'operations' });
    this.resultBox = el('div', { id: 'recall', class: 'recall' });
    this.errorBox = el('div', { id: 'live-error', class: 'error', hidden: '' });
    this.plot = el('div', { id: 'live-plot', class: 'live-plot' });
    this.weightPlot = el('div', { id: 'weight-plot', class: 'weight-plot', hidden: '' });
    root.append(
      el('div', { class: 'controls' }, [
        el('label', {}, ['Preset ', this.presetSelect]),
        el('label', {}, ['Backend ', this.backendSelect]),
        this.runButton,
        pause,
        step,
        reset,
        el('label', {}, ['Speed ', this.speedSelect]),
      ]),
      this.status,
      this.errorBox,
      this.opPanel,
      this.resultBox,
      this.plot,
      this.weightPlot,
    );
    this.presetSelect.addEventListener('change', () => this.load(this.wantRun));
    this.backendSelect.addEventListener('change', () => this.load(this.wantRun));
    this.runButton.addEventListener('click', () => this.run());
    pause.addEventListener('click', () => {
      this.wantRun = false;
      this.send({ type: 'pause' });
    });
    step.addEventListener('click', () => {
      this.wantRun = false;
      this.send({ type: 'step' });
    });
    reset.addEventListener('click', () => this.load(false));
    this.speedSelect.addEventListener('change', () => this.send({ type: 'speed', msPerFrame: Number(this.speedSelect.value) }));
  }

  /** Selects a preset and backend (from the URL) and loads it, running it if asked. */
  start(preset: PresetName, backend: LiveBackend, autostart: boolean): void {
    this.presetSelect.value = preset;
    this.backendSelect.value = backend;
    this.load(autostart);
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  run(): void {
    this.wantRun = true;
    this.send({ type: 'run' });
  }

  /** (Re)builds the current preset in a fresh worker. */
  load(autostart: boolean): void {
    this.worker?.terminate();
    this.wantRun = autostart;
    this.info = null;
    this.plotReady = false;
    this.pending = null;
    this.totalSpikes = 0;
    this.weightHistory = [];
    this.latestWeights = null;
    this.errorBox.hidden = true;
    this.resultBox.textContent = '';
    this.root.dataset.state = 'loading';
    this.status.textContent = 'building the network…';
    const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(`the simulation worker failed: ${event.message || 'unknown error'}`);
    };
    this.send({ type: 'speed', msPerFrame: Number(this.speedSelect.value) });
    this.send({ type: 'load', preset: this.presetSelect.value as PresetName, backend: this.backendSelect.value as LiveBackend });
  }

  private fail(message: string): void {
    showError(this.errorBox, message);
    this.root.dataset.state = 'error';
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.info = message.info;
        this.setup(message.info);
        this.root.dataset.state = 'ready';
        this.root.dataset.backend = message.info.backend;
        if (this.wantRun) this.run();
        break;
      case 'frame':
        this.merge(message.frame);
        break;
      case 'state':
        this.root.dataset.running = String(message.running);
        this.runButton.classList.toggle('active', message.running);
        break;
      case 'result':
        this.showResult(message.result);
        break;
      case 'error':
        this.fail(message.message);
        break;
    }
  }

  /** Builds the preset's operation panel and the empty figure. */
  private setup(info: PresetInfo): void {
    this.opPanel.replaceChildren();
    if (info.cam) {
      const cue = el('input', { id: 'cue', type: 'number', min: '0', max: String(info.cam.cueSize - 1), value: '0', title: 'cue (address)' });
      const content = el('input', { id: 'content', type: 'text', value: '1, 4, 9, 14', title: 'content bits', size: '18' });
      const learn = el('button', { id: 'learn' }, ['Learn']);
      const byCue = el('button', { id: 'recall-cue' }, ['Recall by cue']);
      const byContent = el('button', { id: 'recall-content' }, ['Recall by content']);
      learn.addEventListener('click', () => this.send({ type: 'learn', cue: Number(cue.value), bits: parseBits(content.value) }));
      byCue.addEventListener('click', () => this.send({ type: 'recallByCue', cue: Number(cue.value) }));
      byContent.addEventListener('click', () => this.send({ type: 'recallByContent', bits: parseBits(content.value) }));
      this.opPanel.append(
        el('label', {}, [`Cue (0–${info.cam.cueSize - 1}) `, cue]),
        el('label', {}, [`Content bits (0–${info.cam.contentSize - 1}) `, content]),
        learn,
        byCue,
        byContent,
      );
    } else if (info.completion) {
      const slider = el('input', { id: 'cue-fraction', type: 'range', min: '0.1', max: '1', step: '0.05', value: '0.5' });
      const shown = el('span', { class: 'value' }, ['50 %']);
      slider.addEventListener('input', () => (shown.textContent = `${Math.round(Number(slider.value) * 100)} %`));
      const complete = el('button', { id: 'complete' }, ['Cue a stored pattern']);
      complete.addEventListener('click', () => this.send({ type: 'complete', cueFraction: Number(slider.value) }));
      this.opPanel.append(
        el('span', {}, [`${info.completion.patterns} patterns of ${info.completion.k} cells stored on the first cue. `]),
        el('label', {}, ['Cue fraction ', slider, shown]),
        complete,
      );
    }
    this.opPanel.hidden = !info.cam && !info.completion;
    this.drawEmpty(info);
  }

  private showResult(result: OperationResult): void {
    this.resultBox.replaceChildren(el('div', { class: 'summary' }, [result.summary]));
    this.resultBox.dataset.kind = result.kind;
    this.resultBox.dataset.content = result.content.join(',');
    this.resultBox.dataset.cues = result.cues.join(',');
    if (this.info?.cam) {
      const size = result.kind === 'recallByContent' ? this.info.cam.cueSize : this.info.cam.contentSize;
      const on = new Set(result.kind === 'recallByContent' ? result.cues : result.content);
      const bits = el('div', { class: 'bits' });
      for (let i = 0; i < size; i++) bits.append(el('span', { class: on.has(i) ? 'bit on' : 'bit', title: String(i) }, [String(i)]));
      this.resultBox.append(el('div', { class: 'bits-label' }, [result.kind === 'recallByContent' ? 'cues out:' : 'content out:']), bits);
    }
  }

  private drawEmpty(info: PresetInfo): void {
    const pops = info.populations;
    const nMem = info.membrane?.labels.length ?? 0;
    const data: Data[] = [];
    pops.forEach((p, i) =>
      data.push({ type: 'scattergl', mode: 'markers', name: p.label, x: [], y: [], marker: { size: info.neurons > 1500 ? 2 : 3, color: colour(i) }, legendgroup: p.label, xaxis: 'x', yaxis: 'y' } as Data),
    );
    pops.forEach((p, i) =>
      data.push({ type: 'scattergl', mode: 'lines', name: `${p.label} rate`, x: [], y: [], line: { color: colour(i), width: 1.5 }, legendgroup: p.label, showlegend: false, xaxis: 'x', yaxis: 'y2' } as Data),
    );
    for (let m = 0; m < nMem; m++) {
      data.push({ type: 'scattergl', mode: 'lines', name: info.membrane!.labels[m], x: [], y: [], line: { color: colour(m + 2), width: 1.2 }, xaxis: 'x', yaxis: 'y3' } as Data);
    }
    this.counts = data.map(() => new WindowedCount());
    const tickFont = { size: 11 };
    const layout: Partial<Layout> = {
      title: { text: info.title, font: { size: 13 } },
      height: 680,
      margin: { l: 60, r: 20, t: 40, b: 80 },
      showlegend: true,
      legend: { orientation: 'h', y: -0.14 },
      xaxis: { title: { text: 'time (ms)' }, range: [0, info.windowMs], autorange: false, anchor: 'y3', tickfont: tickFont },
      yaxis: { title: { text: 'neuron' }, domain: [0.47, 1], range: [-0.5, info.neurons - 0.5], autorange: false, tickfont: tickFont, zeroline: false },
      yaxis2: { title: { text: 'rate (Hz)' }, domain: [0.25, 0.43], rangemode: 'tozero', tickfont: tickFont },
      // a fixed range around threshold and reset: strongly inhibited cells (CA3's proportional
      // inhibition) would otherwise squash the traces
      yaxis3: info.membrane
        ? { title: { text: 'v (mV)' }, domain: [0, 0.21], tickfont: tickFont, range: [info.membrane.reset - 10, info.membrane.threshold + 5], autorange: false }
        : { title: { text: 'v (mV)' }, domain: [0, 0.21], tickfont: tickFont },
      shapes: info.membrane
        ? [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y3', y0: info.membrane.threshold, y1: info.membrane.threshold, line: { color: '#c8372d', dash: 'dash', width: 1 } }]
        : [],
      annotations: info.membrane
        ? [{ xref: 'paper', x: 1, yref: 'y3', y: info.membrane.threshold, text: 'threshold', showarrow: false, xanchor: 'right', yanchor: 'bottom', font: { size: 10, color: '#c8372d' } }]
        : [],
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
    };
    void Plotly.newPlot(this.plot, data, layout, { responsive: true, displaylogo: false, plotGlPixelRatio: 1 }).then(() => {
      this.plotReady = true;
      this.schedule();
    });
    this.weightPlot.hidden = !info.weights;
    if (info.weights) {
      void Plotly.newPlot(this.weightPlot, [], { height: 320 }, { responsive: true, displaylogo: false });
    } else {
      Plotly.purge(this.weightPlot);
    }
  }

  /** Merges a frame into what the next animation frame draws. */
  private merge(frame: Frame): void {
    const info = this.info;
    if (!info) return;
    const nPop = info.populations.length;
    const p = (this.pending ??= {
      spikeX: Array.from({ length: nPop }, () => []),
      spikeY: Array.from({ length: nPop }, () => []),
      rateX: [],
      rateY: Array.from({ length: nPop }, () => []),
      vX: [],
      vY: (info.membrane?.labels ?? []).map(() => []),
      t: frame.t,
      weights: [],
      stepsPerSecond: 0,
    });
    frame.spikeTimes.forEach((ts, i) => {
      for (let s = 0; s < ts.length; s++) {
        p.spikeX[i].push(ts[s]);
        p.spikeY[i].push(frame.spikeRows[i][s]);
      }
      this.totalSpikes += ts.length;
    });
    frame.rateTimes.forEach((x) => p.rateX.push(x));
    frame.rates.forEach((r, i) => r.forEach((x) => p.rateY[i].push(x)));
    frame.vTimes.forEach((x) => p.vX.push(x));
    frame.v.forEach((v, i) => v.forEach((x) => p.vY[i].push(x)));
    p.t = frame.t;
    if (frame.weights) p.weights.push(frame.weights);
    if (frame.stepsPerSecond > 0) p.stepsPerSecond = frame.stepsPerSecond;
    this.schedule();
  }

  /**
   * Draws the pending data at the next animation frame, but not sooner than
   * {@link MIN_REDRAW_MS} after the last redraw: a plotly redraw costs tens of ms of
   * rendering (more under software WebGL), and the page must keep its frame rate.
   */
  private schedule(): void {
    if (this.drawing || !this.plotReady || this.pending === null) return;
    this.drawing = true;
    const gap = Math.max(MIN_REDRAW_MS, 2 * this.drawCost);
    const wait = Math.max(0, this.lastDraw + gap - performance.now());
    setTimeout(() => requestAnimationFrame(() => void this.draw()), wait);
  }

  private async draw(): Promise<void> {
    const p = this.pending;
    const info = this.info;
    this.pending = null;
    try {
      if (!p || !info) return;
      const start = Math.max(0, p.t - info.windowMs);
      const xs: ArrayLike<number>[] = [];
      const ys: ArrayLike<number>[] = [];
      p.spikeX.forEach((x, i) => {
        xs.push(x);
        ys.push(p.spikeY[i]);
        this.counts[i].add(p.t, x.length);
      });
      const nPop = info.populations.length;
      p.rateY.forEach((y, i) => {
        xs.push(p.rateX);
        ys.push(y);
        this.counts[nPop + i].add(p.t, y.length);
      });
      p.vY.forEach((y, i) => {
        xs.push(p.vX);
        ys.push(y);
        this.counts[2 * nPop + i].add(p.t, y.length);
      });
      const keep = this.counts.map((c) => Math.max(1, c.keepFrom(start)));
      const drawStart = performance.now();
      this.lastDraw = drawStart;
      const layout = (this.plot as unknown as { layout: Partial<Layout> }).layout;
      if (layout.xaxis) layout.xaxis.range = [start, Math.max(info.windowMs, p.t)];
      await extendTraces(
        this.plot,
        { x: xs, y: ys },
        xs.map((_, i) => i),
        keep,
      );
      // the redraw's cost includes the rendering it causes: measure up to the next animation frame
      requestAnimationFrame(() => {
        this.drawCost = performance.now() - drawStart;
        this.root.dataset.drawMs = this.drawCost.toFixed(0);
      });
      for (const w of p.weights) {
        this.weightHistory.push({ t: w.t, counts: w.counts });
        this.latestWeights = w.values;
      }
      if (info.weights && this.latestWeights && performance.now() - this.lastWeightDraw > 250) {
        this.lastWeightDraw = performance.now();
        await this.drawWeights(info, start, Math.max(info.windowMs, p.t));
      }
      const rate = p.stepsPerSecond > 0 ? `, ${Math.round(p.stepsPerSecond).toLocaleString('en')} steps/s` : '';
      this.status.textContent = `t = ${p.t.toFixed(info.dt < 1 ? 1 : 0)} ms · ${this.totalSpikes.toLocaleString('en')} spikes${rate} · ${info.backendNote}`;
      this.root.dataset.t = String(p.t);
      this.root.dataset.spikes = String(this.totalSpikes);
    } catch (error) {
      this.fail(`drawing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.drawing = false;
      this.schedule();
    }
  }

  /** Weight histogram over time (shared time axis with the raster) and the current weights. */
  private async drawWeights(info: PresetInfo, x0: number, x1: number): Promise<void> {
    const w = info.weights!;
    const hist = this.weightHistory.filter((h) => h.t >= x0 - 1e-9);
    const binCentres = Array.from({ length: w.bins }, (_, b) => (b + 0.5) / w.bins);
    const z = binCentres.map((_, b) => hist.map((h) => h.counts[b]));
    const current = this.latestWeights!;
    const grid: number[][] = [];
    for (let r = 0; r < w.rows; r++) grid.push(Array.from(current.subarray(r * w.cols, (r + 1) * w.cols), (v) => v / w.wMax));
    const data: Data[] = [
      { type: 'heatmap', x: hist.map((h) => h.t), y: binCentres, z, colorscale: 'Viridis', showscale: false, xaxis: 'x', yaxis: 'y', name: 'weight histogram' } as Data,
      { type: 'heatmap', z: grid, colorscale: 'Viridis', zmin: 0, zmax: 1, xaxis: 'x2', yaxis: 'y2', colorbar: { title: { text: 'w / gmax' }, len: 0.9 }, name: 'weights' } as Data,
    ];
    const layout: Partial<Layout> = {
      height: 320,
      margin: { l: 60, r: 20, t: 40, b: 40 },
      title: { text: 'Weights: histogram over time (left, same time axis) and the 1000 weights now (right, 25 × 40)', font: { size: 13 } },
      xaxis: { domain: [0, 0.6], range: [x0, x1], title: { text: 'time (ms)' } },
      yaxis: { title: { text: 'w / gmax' }, range: [0, 1] },
      xaxis2: { domain: [0.68, 0.95], anchor: 'y2', showticklabels: false },
      yaxis2: { anchor: 'x2', showticklabels: false },
    };
    await Plotly.react(this.weightPlot, data, layout, { responsive: true, displaylogo: false });
  }
}
