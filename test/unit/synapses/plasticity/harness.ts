/**
 * Test helpers for plasticity rules: drive a bound rule directly with spike lists at
 * chosen steps (no neurons), and an independent reference that sums the rule's
 * definition over spike times (no traces kept between events).
 */
import type { PlasticityRule, PlasticityState, SpikingGroup } from '../../../../src/synapses/plasticity/plasticityRule.js';
import type { TraceRuleSpec } from '../../../../src/synapses/plasticity/traceRule.js';

/** A spike source whose spikes the test sets before each step. */
export class FakeGroup implements SpikingGroup {
  spikes: Uint32Array;
  spikeCount = 0;
  readonly model = { synapseKind: 'current' };
  constructor(
    readonly label: string,
    readonly size: number,
  ) {
    this.spikes = new Uint32Array(size);
  }
  set(ids: readonly number[]): void {
    this.spikes.set(ids);
    this.spikeCount = ids.length;
  }
}

/** A rule bound to all-to-all synapses between `nPre` and `nPost` fake neurons. */
export function bindAllToAll(
  rule: PlasticityRule,
  nPre: number,
  nPost: number,
  options: { weight?: number; dt?: number; delaySteps?: number; float32?: boolean } = {},
): { state: PlasticityState; pre: FakeGroup; post: FakeGroup; weight: Float32Array | Float64Array } {
  const pre = new FakeGroup('pre', nPre);
  const post = new FakeGroup('post', nPost);
  const rowPtr = new Uint32Array(nPre + 1);
  const target = new Uint32Array(nPre * nPost);
  for (let i = 0; i < nPre; i++) {
    rowPtr[i + 1] = (i + 1) * nPost;
    for (let j = 0; j < nPost; j++) target[i * nPost + j] = j;
  }
  const weight = options.float32 ? new Float32Array(nPre * nPost) : new Float64Array(nPre * nPost);
  weight.fill(options.weight ?? 0);
  const state = rule.bind(
    { label: 'test', pre, post, rowPtr, target, weight, delay: null, constantDelay: options.delaySteps ?? 1 },
    options.dt ?? 0.1,
  );
  return { state, pre, post, weight };
}

/** Spike events as (step, neuron) lists for the pre and post side. */
export interface SpikeTrains {
  /** emission steps of the presynaptic neuron(s): [step, neuron] */
  readonly pre: ReadonlyArray<readonly [number, number]>;
  readonly post: ReadonlyArray<readonly [number, number]>;
}

/**
 * Runs a bound rule over the given spikes, calling `step` only at steps with events
 * (plus the queue latency), which is exact because traces decay analytically.
 */
export function drive(
  bound: { state: PlasticityState; pre: FakeGroup; post: FakeGroup },
  trains: SpikeTrains,
  extraSteps = 0,
  snapshot?: { readonly step: number; take(): void },
): void {
  let snapped = snapshot === undefined;
  // events sorted by step: code = step * 2 + side, neuron alongside
  const n = trains.pre.length + trains.post.length;
  const order = new Float64Array(n);
  const ids = new Uint32Array(n);
  let q = 0;
  for (const [k, i] of trains.pre) order[q++] = (k * 2) * 2 ** 20 + i;
  for (const [k, j] of trains.post) order[q++] = (k * 2 + 1) * 2 ** 20 + j;
  order.sort();
  for (let r = 0; r < n; r++) ids[r] = order[r] % 2 ** 20;
  const pre = bound.pre;
  const post = bound.post;
  let r = 0;
  let lastStep = -Infinity;
  const flushUntil = (k: number) => {
    // steps after an event step, so that queued (delayed) spikes are seen
    if (lastStep === -Infinity) return;
    for (let x = 1; x <= extraSteps; x++) {
      const s = lastStep + x;
      if (s >= k) break;
      pre.spikeCount = 0;
      post.spikeCount = 0;
      bound.state.step(s);
    }
  };
  while (r < n) {
    const k = Math.floor(order[r] / 2 ** 21);
    flushUntil(k);
    if (!snapped && k >= snapshot!.step) {
      snapshot!.take();
      snapped = true;
    }
    pre.spikeCount = 0;
    post.spikeCount = 0;
    while (r < n && Math.floor(order[r] / 2 ** 21) === k) {
      const side = Math.floor(order[r] / 2 ** 20) % 2;
      if (side === 0) pre.spikes[pre.spikeCount++] = ids[r];
      else post.spikes[post.spikeCount++] = ids[r];
      r++;
    }
    bound.state.step(k);
    lastStep = k;
  }
  flushUntil(Infinity);
}

/**
 * The pairing protocol of theory.md 4.4: `pairs` pairs, pre spike at t_j = j/rho, post at
 * t_j + dtMs, on a grid of `dt` (times shifted by `offset` ms so every time is positive).
 */
export function pairingTrains(rhoHz: number, dtMs: number, dt = 0.1, pairs = 60, offset = 100): SpikeTrains {
  const pre: Array<[number, number]> = [];
  const post: Array<[number, number]> = [];
  for (let j = 0; j < pairs; j++) {
    const t = offset + (j * 1000) / rhoHz;
    pre.push([Math.round(t / dt), 0]);
    post.push([Math.round((t + dtMs) / dt), 0]);
  }
  return { pre, post };
}

/**
 * Reference: the total change of one synapse under a trace rule for given spike times
 * (ms), evaluated from the definitions (each trace as a sum over earlier spikes, or the
 * last spike for 'nearest'); pre events before post events at equal times.
 */
export function referenceChange(spec: TraceRuleSpec, preTimes: readonly number[], postTimes: readonly number[]): number {
  type Ev = { t: number; side: 0 | 1 };
  const events: Ev[] = [...preTimes.map((t) => ({ t, side: 0 as const })), ...postTimes.map((t) => ({ t, side: 1 as const }))];
  events.sort((a, b) => a.t - b.t || a.side - b.side);
  const nearest = spec.interaction === 'nearest';
  // trace of a side at time t from the spikes of that side strictly before event index `upto`
  const trace = (side: 0 | 1, tau: number, upto: number, t: number): number => {
    let sum = 0;
    for (let q = upto - 1; q >= 0; q--) {
      const ev = events[q];
      if (ev.side !== side) continue;
      const v = Math.exp(-(t - ev.t) / tau);
      if (nearest) return v;
      sum += v;
    }
    return sum;
  };
  let dw = 0;
  events.forEach((ev, q) => {
    if (ev.side === 0) {
      const o1 = trace(1, spec.tauPost, q, ev.t);
      const r2 = trace(0, spec.tauPreSlow, q, ev.t);
      dw += o1 * (spec.preLinear + spec.preTriplet * r2) + spec.preConstant;
    } else {
      const r1 = trace(0, spec.tauPre, q, ev.t);
      const o2 = trace(1, spec.tauPostSlow, q, ev.t);
      dw += r1 * (spec.postLinear + spec.postTriplet * o2) + spec.postConstant;
    }
  });
  return dw;
}

/**
 * Independent Poisson trains for `n` neurons at `rateHz` over `durationMs`, as emission
 * steps on a grid of `dt` ms (exponential intervals rounded to the grid; at most one
 * spike per neuron and step).
 */
export function poissonTrains(rng: { exponential(): number }, n: number, rateHz: number, durationMs: number, dt: number, offsetSteps = 10): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const meanMs = 1000 / rateHz;
  for (let i = 0; i < n; i++) {
    let t = 0;
    let lastStep = -1;
    for (;;) {
      t += rng.exponential() * meanMs;
      if (t >= durationMs) break;
      const k = offsetSteps + Math.round(t / dt);
      if (k === lastStep) continue;
      out.push([k, i]);
      lastStep = k;
    }
  }
  return out;
}

/** Mean of an array-like. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/**
 * Monte-Carlo mean drift (per second) of a rule on n x n all-to-all synapses between
 * independent Poisson trains (1 us grid), measured after a burn-in so that slow traces
 * have reached their stationary mean; returns it with the rates realised after burn-in.
 */
export function monteCarloDrift(
  rule: PlasticityRule,
  rng: { exponential(): number },
  options: { n: number; rhoPre: number; rhoPost: number; durationMs: number; burnInMs: number },
): { drift: number; rhoPre: number; rhoPost: number } {
  const dt = 0.001;
  const { n, durationMs, burnInMs } = options;
  const bound = bindAllToAll(rule, n, n, { dt, delaySteps: 2 });
  const pre = poissonTrains(rng, n, options.rhoPre, durationMs, dt, 0);
  const post = poissonTrains(rng, n, options.rhoPost, durationMs, dt, 0);
  let w0 = 0;
  const burnStep = Math.round(burnInMs / dt);
  drive(bound, { pre, post }, 1, { step: burnStep, take: () => (w0 = mean(bound.weight)) });
  const seconds = (durationMs - burnInMs) / 1000;
  const rate = (tr: Array<[number, number]>) => tr.filter(([k]) => k >= burnStep).length / n / seconds;
  return { drift: (mean(bound.weight) - w0) / seconds, rhoPre: rate(pre), rhoPost: rate(post) };
}
