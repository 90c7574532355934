/**
 * The dashboard's simulation worker: builds a preset, runs it frame by frame (a frame is
 * `msPerFrame` of model time), and posts what happened in each frame to the page. Every
 * command goes through one queue, so operations (learn, recall) never interleave with a
 * running frame.
 */
import { buildPreset, type Preset } from './presets.js';
import type { Frame, FromWorker, ToWorker } from './protocol.js';
import { RateBinner, histogram } from './taps.js';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** Bin of the population rate panel, ms. */
const RATE_BIN_MS = 5;

let preset: Preset | null = null;
let binner: RateBinner | null = null;
let nextWeightsAt = 0;
let msPerFrame = 2;
let running = false;
let generation = 0;
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function fail(error: unknown): void {
  running = false;
  post({ type: 'state', running: false });
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

/** Sends what the taps collected since the last frame. */
function sendFrame(p: Preset, stepsPerSecond: number): void {
  const t = p.network.t;
  const spikes = p.taps.map((tap) => tap.take());
  const rate = binner!.add(
    spikes.map((s) => s.times),
    t,
  );
  const v = p.membrane?.take() ?? { times: new Float64Array(0), values: [] };
  let weights: Frame['weights'];
  if (p.weights && p.info.weights && t >= nextWeightsAt) {
    const values = p.weights.projection.weight.slice();
    weights = { t, counts: histogram(values, p.weights.wMax, p.info.weights.bins), values };
    nextWeightsAt = t + p.weights.everyMs;
  }
  const frame: Frame = {
    t,
    spikeTimes: spikes.map((s) => s.times),
    spikeRows: spikes.map((s) => s.rows),
    rateTimes: rate.times,
    rates: rate.rates,
    vTimes: v.times,
    v: v.values,
    weights,
    stepsPerSecond,
  };
  const transfer: Transferable[] = [
    ...frame.spikeTimes.map((a) => a.buffer),
    ...frame.spikeRows.map((a) => a.buffer),
    rate.times.buffer,
    ...rate.rates.map((a) => a.buffer),
    v.times.buffer,
    ...v.values.map((a) => a.buffer),
  ];
  if (weights) transfer.push(weights.counts.buffer, weights.values.buffer);
  post({ type: 'frame', frame }, transfer as Transferable[]);
}

/** Simulates `ms` of model time, one frame at a time, posting each frame. */
async function advance(p: Preset, ms: number): Promise<void> {
  let left = Math.round(ms / p.network.dt);
  while (left > 0) {
    const steps = Math.min(left, Math.max(1, Math.round(msPerFrame / p.network.dt)));
    const t0 = performance.now();
    const duration = steps * p.network.dt;
    if (p.asynchronous) await p.network.runAsync(duration, { sliceMs: 1000 });
    else p.network.run(duration);
    const wall = (performance.now() - t0) / 1000;
    sendFrame(p, wall > 0 ? steps / wall : 0);
    left -= steps;
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The run loop: one frame, then give the queue a turn, about 60 times a second at most. */
function loop(gen: number): void {
  if (!running || gen !== generation) return;
  const started = performance.now();
  enqueue(async () => {
    if (!running || gen !== generation || !preset) return;
    await advance(preset, msPerFrame);
    const wait = Math.max(0, 16 - (performance.now() - started));
    setTimeout(() => loop(gen), wait);
  });
}

function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task).catch(fail);
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'load':
      generation++;
      running = false;
      enqueue(async () => {
        preset = null;
        const p = buildPreset(message.preset, message.backend);
        binner = new RateBinner(
          p.info.populations.map((r) => r.size),
          RATE_BIN_MS,
        );
        nextWeightsAt = 0;
        if (p.asynchronous) await p.network.runAsync(0); // starts the gpu backend now: its mode is known before the first frame
        preset = p;
        const info = { ...p.info, backendNote: p.asynchronous ? `gpu backend: gpu.js mode ${p.network.backendInfo.mode ?? '?'} (${p.network.backendInfo.reason})` : p.info.backendNote };
        post({ type: 'ready', info });
        sendFrame(p, 0);
      });
      break;
    case 'run':
      if (!running) {
        running = true;
        post({ type: 'state', running: true });
        loop(generation);
      }
      break;
    case 'pause':
      running = false;
      post({ type: 'state', running: false });
      break;
    case 'step':
      running = false;
      post({ type: 'state', running: false });
      enqueue(async () => {
        if (preset) await advance(preset, msPerFrame);
      });
      break;
    case 'speed':
      msPerFrame = message.msPerFrame;
      break;
    default:
      enqueue(async () => {
        const p = preset;
        if (!p?.operate) throw new Error(`this preset has no operation '${message.type}'`);
        const result = await p.operate(message, (ms) => advance(p, ms));
        sendFrame(p, 0);
        post({ type: 'result', result });
      });
  }
};
