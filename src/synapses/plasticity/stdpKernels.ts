/**
 * The hot loops of event-driven STDP, as pure functions over typed arrays (nothing is
 * allocated). A presynaptic event walks the neuron's CSR row and reads the postsynaptic
 * trace o1 of each target; a postsynaptic event walks the neuron's CSC column and reads
 * the presynaptic trace r1 of each source. Traces are stored per neuron with the step of
 * their last update and decayed on demand: value x exp(-n dt/tau) for n steps, taken
 * from a table of exp(-n dt/tau) for small n (the same double as the formula) and from
 * Math.exp beyond. Per synapse the change is d = c x trace + b (see traceRule.ts), then
 * the weight dependence moves w and clips it to [wMin, wMax].
 */

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
  rate: number,
  c: number,
  b: number,
  scale: number,
  wMin: number,
  wMax: number,
): void {
  const len = table.length;
  const sc = scale * c;
  const sb = scale * b;
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
  rate: number,
  c: number,
  b: number,
  scale: number,
  wMin: number,
  wMax: number,
): void {
  const len = table.length;
  const sc = scale * c;
  const sb = scale * b;
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
  rate: number,
  c: number,
  b: number,
  wMin: number,
  wMax: number,
  range: number,
  muPlus: number,
  muMinus: number,
): void {
  const len = table.length;
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
  rate: number,
  c: number,
  b: number,
  wMin: number,
  wMax: number,
  range: number,
  muPlus: number,
  muMinus: number,
): void {
  const len = table.length;
  for (let q = start; q < end; q++) {
    const i = source[q];
    const n = e - last[i];
    const x = r1[i] * (n < len ? table[n] : Math.exp(-n * rate));
    const s = synapse[q];
    w[s] = softUpdate(w[s], c * x + b, wMin, wMax, range, muPlus, muMinus);
  }
}
