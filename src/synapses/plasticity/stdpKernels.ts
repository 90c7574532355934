/**
 * The hot loops of event-driven STDP, as pure functions over typed arrays (nothing is
 * allocated). A presynaptic event walks the neuron's CSR row and reads the postsynaptic
 * trace o1 of each target; a postsynaptic event walks the neuron's CSC column and reads
 * the presynaptic trace r1 of each source. Traces are stored per neuron with the step of
 * their last update and decayed on demand: value x exp(-n dt/tau) for n steps, taken
 * from a table of exp(-n dt/tau) for small n (the same double as the formula) and from
 * Math.exp beyond. Per synapse the change is d = c x trace + b (see traceRule.ts), then
 * the weight dependence moves w and clips it to [wMin, wMax].
 *
 * The rule's numbers reach the kernels in one Float64Array (slots below) rather than as
 * arguments: V8 boxes every double argument of a call it does not inline into a fresh
 * heap number, which cost the event path about 100 bytes per step.
 */

/** Slots of the argument block of the event kernels ({@link eventArgs}). */
export const ARG_RATE = 0;
/** trace coefficient c of this event (written per event) */
export const ARG_C = 1;
/** constant term b */
export const ARG_B = 2;
/** additive weights: the factor on c trace + b */
export const ARG_SCALE = 3;
export const ARG_WMIN = 4;
export const ARG_WMAX = 5;
/** soft bounds: wMax - wMin */
export const ARG_RANGE = 6;
export const ARG_MU_PLUS = 7;
export const ARG_MU_MINUS = 8;

/** An argument block for the event kernels (c starts at 0; set it per event). */
export function eventArgs(a: {
  rate: number;
  b: number;
  scale: number;
  wMin: number;
  wMax: number;
  range?: number;
  muPlus?: number;
  muMinus?: number;
}): Float64Array {
  const p = new Float64Array(9);
  p[ARG_RATE] = a.rate;
  p[ARG_B] = a.b;
  p[ARG_SCALE] = a.scale;
  p[ARG_WMIN] = a.wMin;
  p[ARG_WMAX] = a.wMax;
  p[ARG_RANGE] = a.range ?? a.wMax - a.wMin;
  p[ARG_MU_PLUS] = a.muPlus ?? 0;
  p[ARG_MU_MINUS] = a.muMinus ?? 0;
  return p;
}

/** exp(-n dt/tau) for n = 0 .. length-1, and dt/tau for larger n. */
export interface DecayTable {
  readonly table: Float64Array;
  /** dt/tau */
  readonly rate: number;
}

/** Largest table (entries): beyond this many steps Math.exp is used. */
const MAX_TABLE = 1 << 16;

/**
 * Builds the decay table of a trace with time constant `tau` (ms) at step `dt` (ms),
 * covering 40 time constants (exp(-40) = 4e-18) up to 65536 steps.
 */
export function decayTable(dt: number, tau: number): DecayTable {
  const rate = dt / tau;
  const n = Math.min(MAX_TABLE, Math.ceil(40 / rate) + 1);
  const table = new Float64Array(n);
  for (let k = 0; k < n; k++) table[k] = Math.exp(-k * rate);
  return { table, rate };
}

/** exp(-n dt/tau) from a decay table (n whole steps >= 0). */
export function decayOf(d: DecayTable, n: number): number {
  return n < d.table.length ? d.table[n] : Math.exp(-n * d.rate);
}

/**
 * Presynaptic event, additive weights: for synapses s in [start, end) of the spiking
 * neuron's row, w[s] = clip(w[s] + scale (c o1[target[s]](e) + b), wMin, wMax).
 *
 * @param e effective step of the event
 * @param o1 postsynaptic trace values at their last update; `last` the step of that update
 * @param p argument block ({@link eventArgs}): rate, c, b, scale, wMin, wMax
 */
export function preEventAdditive(
  w: Float32Array | Float64Array,
  target: Uint32Array,
  start: number,
  end: number,
  o1: Float64Array,
  last: Float64Array,
  e: number,
  table: Float64Array,
  p: Float64Array,
): void {
  const len = table.length;
  const rate = p[ARG_RATE];
  const sc = p[ARG_SCALE] * p[ARG_C];
  const sb = p[ARG_SCALE] * p[ARG_B];
  const wMin = p[ARG_WMIN];
  const wMax = p[ARG_WMAX];
  for (let s = start; s < end; s++) {
    const j = target[s];
    const n = e - last[j];
    const y = o1[j] * (n < len ? table[n] : Math.exp(-n * rate));
    const x = w[s] + (sc * y + sb);
    w[s] = x < wMin ? wMin : x > wMax ? wMax : x;
  }
}

/**
 * Postsynaptic event, additive weights: for the entries q in [start, end) of the spiking
 * neuron's column (synapse ids `synapse[q]`, sources `source[q]`),
 * w = clip(w + scale (c r1[source](e) + b), wMin, wMax).
 */
export function postEventAdditive(
  w: Float32Array | Float64Array,
  synapse: Uint32Array,
  source: Uint32Array,
  start: number,
  end: number,
  r1: Float64Array,
  last: Float64Array,
  e: number,
  table: Float64Array,
  p: Float64Array,
): void {
  const len = table.length;
  const rate = p[ARG_RATE];
  const sc = p[ARG_SCALE] * p[ARG_C];
  const sb = p[ARG_SCALE] * p[ARG_B];
  const wMin = p[ARG_WMIN];
  const wMax = p[ARG_WMAX];
  for (let q = start; q < end; q++) {
    const i = source[q];
    const n = e - last[i];
    const x0 = r1[i] * (n < len ? table[n] : Math.exp(-n * rate));
    const s = synapse[q];
    const x = w[s] + (sc * x0 + sb);
    w[s] = x < wMin ? wMin : x > wMax ? wMax : x;
  }
}

/** base^mu for base in [0, 1] (negative rounding residue counts as 0). */
function softPow(base: number, mu: number): number {
  if (base <= 0) return mu === 0 ? 1 : 0;
  return mu === 1 ? base : mu === 0 ? 1 : Math.pow(base, mu);
}

/**
 * One soft-bound (Guetig) update: d > 0 moves w by range d (1 - u)^muPlus, d < 0 by
 * range d u^muMinus, u = (w - wMin)/range; then clips to [wMin, wMax].
 */
export function softUpdate(w: number, d: number, wMin: number, wMax: number, range: number, muPlus: number, muMinus: number): number {
  const u = (w - wMin) / range;
  const x = w + (d > 0 ? range * d * softPow(1 - u, muPlus) : range * d * softPow(u, muMinus));
  return x < wMin ? wMin : x > wMax ? wMax : x;
}

/** Presynaptic event with soft bounds (see {@link preEventAdditive}, {@link softUpdate}). */
export function preEventSoft(
  w: Float32Array | Float64Array,
  target: Uint32Array,
  start: number,
  end: number,
  o1: Float64Array,
  last: Float64Array,
  e: number,
  table: Float64Array,
  p: Float64Array,
): void {
  const len = table.length;
  const rate = p[ARG_RATE];
  const c = p[ARG_C];
  const b = p[ARG_B];
  const wMin = p[ARG_WMIN];
  const wMax = p[ARG_WMAX];
  const range = p[ARG_RANGE];
  const muPlus = p[ARG_MU_PLUS];
  const muMinus = p[ARG_MU_MINUS];
  for (let s = start; s < end; s++) {
    const j = target[s];
    const n = e - last[j];
    const y = o1[j] * (n < len ? table[n] : Math.exp(-n * rate));
    w[s] = softUpdate(w[s], c * y + b, wMin, wMax, range, muPlus, muMinus);
  }
}

/** Postsynaptic event with soft bounds (see {@link postEventAdditive}, {@link softUpdate}). */
export function postEventSoft(
  w: Float32Array | Float64Array,
  synapse: Uint32Array,
  source: Uint32Array,
  start: number,
  end: number,
  r1: Float64Array,
  last: Float64Array,
  e: number,
  table: Float64Array,
  p: Float64Array,
): void {
  const len = table.length;
  const rate = p[ARG_RATE];
  const c = p[ARG_C];
  const b = p[ARG_B];
  const wMin = p[ARG_WMIN];
  const wMax = p[ARG_WMAX];
  const range = p[ARG_RANGE];
  const muPlus = p[ARG_MU_PLUS];
  const muMinus = p[ARG_MU_MINUS];
  for (let q = start; q < end; q++) {
    const i = source[q];
    const n = e - last[i];
    const x = r1[i] * (n < len ? table[n] : Math.exp(-n * rate));
    const s = synapse[q];
    w[s] = softUpdate(w[s], c * x + b, wMin, wMax, range, muPlus, muMinus);
  }
}
