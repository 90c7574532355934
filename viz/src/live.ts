/**
 * The live view: a preset runs in the worker; the page draws its raster (scattergl, one
 * colour per population) with the population rates below it, the membrane traces
 * (threshold drawn) and, for the STDP preset, the weights, all on one time axis: the
 * figures share the sliding window's x range and their left and right margins, so a time
 * sits at the same place in every panel.
 *
 * Drawing is built for software WebGL (headless Chromium on SwiftShader, no GPU), where a
 * plotly redraw of the old single figure cost 90-180 ms (the membrane traces as WebGL
 * lines alone about 50 ms of it):
 * - the raster and its rates are a figure of their own, so a raster redraw never redraws
 *   another panel (plotly redraws a whole figure on every data change); the rates and the
 *   membrane traces are SVG lines, a fraction of what WebGL lines cost under SwiftShader;
 * - the panels below (membrane traces, weight histogram over time) redraw with the raster
 *   once it has moved {@link PANELS_MAX_LAG} of the window ahead of them, with the
 *   raster's x range; the current weight matrix (no time axis) a few times per second;
 * - traces grow with Plotly.extendTraces and typed arrays, and `maxPoints` keeps exactly
 *   the points of the visible window (no spike in the window is ever left out);
 * - axis ranges are fixed and slide (no autorange on the raster); while the network runs,
 *   hover, zoom, drag boxes and the mode bar are off (`staticPlot`; once paused and drawn
 *   the figures are re-plotted interactive), legends are HTML, and tick labels are not
 *   measured for overflow on every redraw;
 * - frames from the worker are merged and drawn at most once per animation frame, one
 *   redraw in flight at a time: a redraw counts once the frame that shows it has begun.
 *
 * `window.engramLive` ({@link LiveProbe}) counts the completed raster redraws for the
 * end-to-end test and the dashboard benchmark.
 */
import type { Data, Layout } from 'plotly.js-dist';
import { colour } from '../../src/figures/figure.js';
import { Plotly, extendTraces } from './plotly.js';
import type { Frame, FromWorker, LiveBackend, OperationResult, PresetInfo, PresetName, ToWorker } from './protocol.js';
import { PendingSeries } from './pendingSeries.js';
import { WindowedCount } from './windowed.js';
import { el, showError } from './dom.js';

/** Shortest interval between the starts of two raster redraws, ms (at most about 30 per second). */
const MIN_REDRAW_MS = 30;
/**
 * The panels below the raster on its time axis (membrane traces, weight histogram over
 * time) redraw with the raster once the raster has moved ahead of them by this fraction of
 * the window (so the time axes, and the newest data on them, never differ by more), and at
 * least every {@link PANELS_REDRAW_MS} while time advances. At the default speed they
 * redraw with every other raster redraw; at higher speeds with every one.
 */
const PANELS_MAX_LAG = 0.02;
const PANELS_REDRAW_MS = 100;
/** Shortest interval between two redraws of the current weight matrix (no time axis), ms. */
const MATRIX_REDRAW_MS = 250;
/** Left and right margins of every live figure, px: the time axes line up on the page. */
const MARGIN_L = 60;
const MARGIN_R = 20;
/**
 * Live figures take no interaction (no hover, zoom, drag boxes or mode bar: nothing is built
 * for them on a redraw); their legends are HTML beside them, drawn once per preset.
 */
const LIVE_CONFIG = { responsive: true, staticPlot: true, plotGlPixelRatio: 1 } as const;
/**
 * Axis settings of the live figures: fixed ranges, and tick labels that may overflow the
 * figure (plotly's default measures every label on every redraw to hide those that do).
 */
const LIVE_AXIS = { fixedrange: true, tickfont: { size: 11 }, ticklabeloverflow: 'allow' } as const;
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

/** What the live view counts, on `window.engramLive`, for tests and the dashboard benchmark. */
export interface LiveProbe {
  /** raster redraws completed since the page loaded: updated, and the frame showing the update begun */
  rasterRedraws: number;
  /** sum of what those redraws cost, ms, from the update's start to the frame after it (rendering included) */
  rasterDrawMs: number;
  /** redraws of the membrane panel */
  membraneRedraws: number;
  /** redraws of the weight histogram over time */
  weightRedraws: number;
}

declare global {
  interface Window {
    engramLive?: LiveProbe;
  }
}

/** One key of an HTML legend: a marker, line or dashed-line swatch in `color`, and a label. */
function legendKey(label: string, color: string, kind: 'marker' | 'line' | 'dash'): HTMLElement {
  const swatch = el('span', { class: `swatch ${kind}` });
  swatch.style.setProperty('--colour', color);
  return el('span', { class: 'key' }, [swatch, label]);
}

/** The time window [x0, x1] shown when the network is at time `t` (ms). */
function windowAt(t: number, windowMs: number): [number, number] {
  const x1 = Math.max(windowMs, t);
  return [x1 - windowMs, x1];
}

export class LiveView {
  readonly root: HTMLElement;
  private worker: Worker | null = null;
  private info: PresetInfo | null = null;
  private readonly title: HTMLElement;
  private readonly rasterLegend: HTMLElement;
  private readonly membraneLegend: HTMLElement;
  /** the raster (one scattergl trace per population) and the population rates below it */
  private readonly plot: HTMLElement;
  private readonly membranePlot: HTMLElement;
  /** the weights: histogram over time (on the raster's time axis) and the current matrix */
  private readonly weightPanel: HTMLElement;
  private readonly weightPlot: HTMLElement;
  private readonly weightMatrix: HTMLElement;
  private readonly weightMatrixTitle: HTMLElement;
  private readonly status: HTMLElement;
  private readonly opPanel: HTMLElement;
  private readonly resultBox: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly presetSelect: HTMLSelectElement;
  private readonly backendSelect: HTMLSelectElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly runButton: HTMLButtonElement;
  private readonly probe: LiveProbe = { rasterRedraws: 0, rasterDrawMs: 0, membraneRedraws: 0, weightRedraws: 0 };
  private wantRun = false;
  /** raster traces (spikes, then rates) and membrane traces: points not drawn yet */
  private rasterPending: PendingSeries[] = [];
  private membranePending: PendingSeries[] = [];
  /** points of each trace inside the window (what extendTraces keeps) */
  private rasterCounts: WindowedCount[] = [];
  private membraneCounts: WindowedCount[] = [];
  /** model time of the newest frame merged, and whether it is drawn */
  private t = 0;
  private dirty = false;
  private stepsPerSecond = 0;
  private plotReady = false;
  /** bumped by every load(): a redraw that began before it stops */
  private generation = 0;
  private frameRequested = false;
  private drawing = false;
  /** the network runs (as the worker last said) */
  private running = false;
  /** the figures take hover and zoom (only while paused and drawn: redraws are static) */
  private interactive = false;
  /** a raster update was issued; the next animation frame begins once it is rendered */
  private rendering = false;
  private drawStart = 0;
  private lastDraw = -Infinity;
  private lastPanelsDraw = -Infinity;
  /** model time the panels below the raster show, ms */
  private panelsT = -Infinity;
  private lastMatrixDraw = -Infinity;
  private totalSpikes = 0;
  private weightHistory: { t: number; counts: Float32Array }[] = [];
  private latestWeights: Float32Array | null = null;
  /** a weight snapshot arrived since the matrix was drawn */
  private matrixPending = false;

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
    this.title = el('div', { id: 'live-title', class: 'plot-title' });
    this.rasterLegend = el('div', { id: 'live-legend', class: 'legend' });
    this.membraneLegend = el('div', { id: 'membrane-legend', class: 'legend', hidden: '' });
    this.plot = el('div', { id: 'live-plot', class: 'live-plot' });
    this.membranePlot = el('div', { id: 'membrane-plot', class: 'membrane-plot', hidden: '' });
    this.weightPlot = el('div', { id: 'weight-plot', class: 'weight-plot' });
    this.weightMatrix = el('div', { id: 'weight-matrix', class: 'weight-matrix' });
    this.weightMatrixTitle = el('div', { class: 'plot-title' });
    this.weightPanel = el('div', { id: 'weights', hidden: '' }, [
      el('div', { class: 'plot-title' }, ['Weights: histogram of w / gmax over time (same time axis)']),
      this.weightPlot,
      this.weightMatrixTitle,
      this.weightMatrix,
    ]);
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
      this.title,
      this.rasterLegend,
      this.plot,
      this.membraneLegend,
      this.membranePlot,
      this.weightPanel,
    );
    window.engramLive = this.probe;
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
    this.running = false;
    this.interactive = false;
    this.root.dataset.interactive = 'false';
    this.generation++;
    this.rasterPending = [];
    this.membranePending = [];
    this.dirty = false;
    this.t = 0;
    this.panelsT = -Infinity;
    this.stepsPerSecond = 0;
    this.totalSpikes = 0;
    this.weightHistory = [];
    this.latestWeights = null;
    this.matrixPending = false;
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
        this.running = message.running;
        this.root.dataset.running = String(message.running);
        this.runButton.classList.toggle('active', message.running);
        if (!message.running) void this.settle();
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

  /** The empty figures of a preset: raster and rates, membrane traces, weights. */
  private drawEmpty(info: PresetInfo): void {
    const pops = info.populations;
    const generation = this.generation;
    const empty = () => ({ x: new Float64Array(0), y: new Float32Array(0) });
    this.title.textContent = info.title;
    this.rasterLegend.replaceChildren(...pops.map((p, i) => legendKey(p.label, colour(i), 'marker')));
    const data: Data[] = [];
    pops.forEach((p, i) =>
      data.push({ type: 'scattergl', mode: 'markers', name: p.label, ...empty(), marker: { size: info.neurons > 1500 ? 2 : 3, color: colour(i) }, legendgroup: p.label, hoverinfo: 'skip', xaxis: 'x', yaxis: 'y' } as Data),
    );
    // the rates are SVG lines: a few hundred points, cheaper than a WebGL line under software rendering
    pops.forEach((p, i) =>
      data.push({ type: 'scatter', mode: 'lines', name: `${p.label} rate`, ...empty(), line: { color: colour(i), width: 1.5 }, legendgroup: p.label, showlegend: false, hoverinfo: 'skip', xaxis: 'x', yaxis: 'y2' } as Data),
    );
    this.rasterPending = data.map(() => new PendingSeries());
    this.rasterCounts = data.map(() => new WindowedCount());
    const layout: Partial<Layout> = {
      height: 420,
      margin: { l: MARGIN_L, r: MARGIN_R, t: 10, b: 34 },
      showlegend: false,
      hovermode: false,
      dragmode: false,
      xaxis: { ...LIVE_AXIS, range: [0, info.windowMs], autorange: false, anchor: 'y2' },
      yaxis: { ...LIVE_AXIS, title: { text: 'neuron' }, domain: [0.3, 1], range: [-0.5, info.neurons - 0.5], autorange: false, zeroline: false },
      yaxis2: { ...LIVE_AXIS, title: { text: 'rate (Hz)' }, domain: [0, 0.24], rangemode: 'tozero' },
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
    };
    void Plotly.newPlot(this.plot, data, layout, LIVE_CONFIG).then(() => {
      if (generation !== this.generation) return;
      this.plotReady = true;
      this.schedule();
    });

    const membrane = info.membrane;
    this.membranePlot.hidden = !membrane;
    this.membraneLegend.hidden = !membrane;
    this.membraneLegend.replaceChildren(
      ...(membrane ? [...membrane.labels.map((label, m) => legendKey(label, colour(m + 2), 'line')), legendKey('threshold', '#c8372d', 'dash')] : []),
    );
    this.membranePending = (membrane?.labels ?? []).map(() => new PendingSeries());
    this.membraneCounts = this.membranePending.map(() => new WindowedCount());
    if (membrane) {
      const traces = membrane.labels.map(
        (label, m) => ({ type: 'scatter', mode: 'lines', name: label, ...empty(), line: { color: colour(m + 2), width: 1.2 }, hoverinfo: 'skip' }) as Data,
      );
      void Plotly.newPlot(
        this.membranePlot,
        traces,
        {
          height: 200,
          margin: { l: MARGIN_L, r: MARGIN_R, t: 8, b: 40 },
          showlegend: false,
          hovermode: false,
          dragmode: false,
          xaxis: { ...LIVE_AXIS, title: { text: 'time (ms)' }, range: [0, info.windowMs], autorange: false },
          // a fixed range around threshold and reset: strongly inhibited cells (CA3's proportional
          // inhibition) would otherwise squash the traces
          yaxis: { ...LIVE_AXIS, title: { text: 'v (mV)' }, range: [membrane.reset - 10, membrane.threshold + 5], autorange: false },
          shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: membrane.threshold, y1: membrane.threshold, line: { color: '#c8372d', dash: 'dash', width: 1 } }],
          annotations: [{ xref: 'paper', x: 0, xanchor: 'left', yref: 'y', y: membrane.threshold, yanchor: 'bottom', text: 'threshold', showarrow: false, font: { size: 10, color: '#c8372d' } }],
          paper_bgcolor: '#fff',
          plot_bgcolor: '#fff',
        },
        LIVE_CONFIG,
      );
    } else {
      Plotly.purge(this.membranePlot);
    }

    this.weightPanel.hidden = !info.weights;
    if (info.weights) {
      this.weightMatrixTitle.textContent = `The ${info.weights.count} weights now (w / gmax, ${info.weights.rows} × ${info.weights.cols})`;
      void Plotly.newPlot(this.weightPlot, [], this.histogramLayout(0, info.windowMs), LIVE_CONFIG);
      void Plotly.newPlot(this.weightMatrix, [], { height: 260, width: 520, margin: { l: MARGIN_L, r: MARGIN_R, t: 8, b: 8 } }, LIVE_CONFIG);
    } else {
      Plotly.purge(this.weightPlot);
      Plotly.purge(this.weightMatrix);
    }
  }

  /** Merges a frame into what the next redraw shows. */
  private merge(frame: Frame): void {
    const info = this.info;
    if (!info) return;
    const nPop = info.populations.length;
    frame.spikeTimes.forEach((times, i) => {
      this.rasterPending[i].append(times, frame.spikeRows[i]);
      this.totalSpikes += times.length;
    });
    frame.rates.forEach((rate, i) => this.rasterPending[nPop + i].append(frame.rateTimes, rate));
    frame.v.forEach((v, i) => this.membranePending[i]?.append(frame.vTimes, v));
    if (frame.weights) {
      this.weightHistory.push({ t: frame.weights.t, counts: frame.weights.counts });
      this.latestWeights = frame.weights.values;
      this.matrixPending = true;
    }
    this.t = frame.t;
    if (frame.stepsPerSecond > 0) this.stepsPerSecond = frame.stepsPerSecond;
    this.dirty = true;
    this.schedule();
  }

  /**
   * Asks for an animation frame when there is something to do: a redraw whose rendering is
   * to be confirmed, or new data to draw once the one redraw in flight is done.
   */
  private schedule(): void {
    if (this.frameRequested || this.drawing || !this.plotReady) return;
    if (!this.dirty && !this.rendering) return;
    this.frameRequested = true;
    requestAnimationFrame((now) => this.onFrame(now));
  }

  private onFrame(now: number): void {
    this.frameRequested = false;
    if (this.rendering) {
      // this frame begins after the one that rendered the last update: that redraw is complete
      this.rendering = false;
      const cost = performance.now() - this.drawStart;
      this.probe.rasterRedraws++;
      this.probe.rasterDrawMs += cost;
      this.root.dataset.drawMs = cost.toFixed(0);
    }
    // a couple of ms of slack: frame times jitter around the display's period
    if (this.dirty && now - this.lastDraw >= MIN_REDRAW_MS - 3) void this.draw(now);
    else this.schedule();
  }

  /** Redraws the raster (and the slower panels when they are due) with everything merged so far. */
  private async draw(now: number): Promise<void> {
    const info = this.info;
    const generation = this.generation;
    if (!info) return;
    this.drawing = true;
    this.dirty = false;
    this.lastDraw = now;
    this.drawStart = performance.now();
    try {
      if (this.interactive) await this.setInteraction(false);
      const t = this.t;
      const [x0, x1] = windowAt(t, info.windowMs);
      await this.extend(this.plot, this.rasterPending, this.rasterCounts, t, x0, x1);
      if (generation !== this.generation) return;
      this.rendering = true;
      const lag = t - this.panelsT;
      if (lag > 0 && (lag >= PANELS_MAX_LAG * info.windowMs || now - this.lastPanelsDraw >= PANELS_REDRAW_MS - 3)) {
        this.lastPanelsDraw = now;
        this.panelsT = t;
        if (info.membrane) {
          await this.extend(this.membranePlot, this.membranePending, this.membraneCounts, t, x0, x1);
          this.probe.membraneRedraws++;
        }
        if (info.weights) {
          await this.drawHistogram(x0, x1);
          this.probe.weightRedraws++;
        }
      }
      if (info.weights && this.matrixPending && now - this.lastMatrixDraw >= MATRIX_REDRAW_MS - 3) {
        this.lastMatrixDraw = now;
        this.matrixPending = false;
        await this.drawMatrix(info);
      }
      if (generation !== this.generation) return;
      const rate = this.stepsPerSecond > 0 ? `, ${Math.round(this.stepsPerSecond).toLocaleString('en')} steps/s` : '';
      this.status.textContent = `t = ${t.toFixed(info.dt < 1 ? 1 : 0)} ms · ${this.totalSpikes.toLocaleString('en')} spikes${rate} · ${info.backendNote}`;
      this.root.dataset.t = String(t);
      this.root.dataset.spikes = String(this.totalSpikes);
    } catch (error) {
      this.fail(`drawing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.drawing = false;
      this.schedule();
      if (!this.running) void this.settle();
    }
  }

  /** Once paused and drawn, the figures take hover and zoom (the next redraw makes them static again). */
  private async settle(): Promise<void> {
    if (this.running || this.drawing || this.dirty || this.interactive || !this.plotReady) return;
    this.drawing = true;
    try {
      await this.setInteraction(true);
    } catch (error) {
      this.fail(`drawing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.drawing = false;
      this.schedule();
    }
  }

  /** Re-plots every live figure static (redraws cost least) or interactive (hover, zoom, mode bar). */
  private async setInteraction(on: boolean): Promise<void> {
    const generation = this.generation;
    this.interactive = on;
    for (const div of [this.plot, this.membranePlot, this.weightPlot, this.weightMatrix]) {
      if (generation !== this.generation) return; // another preset was loaded meanwhile
      const gd = div as unknown as { data?: Data[]; layout?: Partial<Layout> };
      if (div.hidden || gd.data === undefined || gd.layout === undefined) continue;
      const layout: Partial<Layout> = { ...gd.layout, hovermode: on ? 'closest' : false, dragmode: on ? 'zoom' : false };
      await Plotly.react(div, gd.data, layout, { ...LIVE_CONFIG, staticPlot: !on });
    }
    this.root.dataset.interactive = String(on);
  }

  /**
   * Appends the pending points of a figure's traces (all of them, with or without new
   * points, so the window slides on every trace) and slides its x range to [x0, x1].
   */
  private extend(div: HTMLElement, pending: PendingSeries[], counts: WindowedCount[], t: number, x0: number, x1: number): Promise<unknown> {
    const x: Float64Array[] = [];
    const y: Float32Array[] = [];
    const keep: number[] = [];
    pending.forEach((series, i) => {
      const points = series.take();
      counts[i].add(t, points.x.length);
      x.push(points.x);
      y.push(points.y);
      // plotly keeps at most what the trace holds: maxPoints beyond that is an error on typed arrays
      keep.push(counts[i].keepFrom(x0));
    });
    // extendTraces redraws from gd.layout: the new range goes there (no relayout, no second redraw)
    const layout = (div as unknown as { layout: Partial<Layout> }).layout;
    if (layout.xaxis) layout.xaxis.range = [x0, x1];
    return extendTraces(
      div,
      { x, y },
      pending.map((_, i) => i),
      keep,
    );
  }

  private histogramLayout(x0: number, x1: number): Partial<Layout> {
    return {
      height: 200,
      margin: { l: MARGIN_L, r: MARGIN_R, t: 8, b: 40 },
      hovermode: false,
      dragmode: false,
      xaxis: { ...LIVE_AXIS, title: { text: 'time (ms)' }, range: [x0, x1], autorange: false },
      yaxis: { ...LIVE_AXIS, title: { text: 'w / gmax' }, range: [0, 1], autorange: false },
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
    };
  }

  /** The weight histogram over time, on the raster's window [x0, x1]: one column per snapshot. */
  private async drawHistogram(x0: number, x1: number): Promise<void> {
    const w = this.info!.weights!;
    // keep one snapshot left of the window: the first column reaches into it
    const first = this.weightHistory.findIndex((h) => h.t >= x0);
    if (first > 1) this.weightHistory.splice(0, first - 1);
    const hist = this.weightHistory;
    const binCentres = Array.from({ length: w.bins }, (_, b) => (b + 0.5) / w.bins);
    const z = binCentres.map((_, b) => hist.map((h) => h.counts[b]));
    const data: Data[] = [
      { type: 'heatmap', x: hist.map((h) => h.t), y: binCentres, z, colorscale: 'Viridis', showscale: false, hoverinfo: 'skip', name: 'weight histogram' } as Data,
    ];
    await Plotly.react(this.weightPlot, data, this.histogramLayout(x0, x1), LIVE_CONFIG);
  }

  /** The current weights as a rows x cols matrix, w / gmax. */
  private async drawMatrix(info: PresetInfo): Promise<void> {
    const w = info.weights!;
    const current = this.latestWeights!;
    const grid: number[][] = [];
    for (let r = 0; r < w.rows; r++) grid.push(Array.from(current.subarray(r * w.cols, (r + 1) * w.cols), (v) => v / w.wMax));
    const data: Data[] = [
      { type: 'heatmap', z: grid, colorscale: 'Viridis', zmin: 0, zmax: 1, hoverinfo: 'skip', colorbar: { title: { text: 'w / gmax' }, len: 0.9 }, name: 'weights' } as Data,
    ];
    const layout: Partial<Layout> = {
      height: 260,
      width: 520,
      margin: { l: MARGIN_L, r: MARGIN_R, t: 8, b: 8 },
      xaxis: { visible: false, fixedrange: true },
      yaxis: { visible: false, fixedrange: true },
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
    };
    await Plotly.react(this.weightMatrix, data, layout, LIVE_CONFIG);
  }
}
