/**
 * SpikeSourceArray: neurons that spike at given times (PyNN `SpikeSourceArray`).
 * A spike at time t (ms) is placed on the grid at stamp round(t/dt), i.e. emitted by the
 * step that ends at that time; so times must be >= dt. Two times of one neuron that fall
 * on the same grid point give one spike. Under `semantics: 'spinnaker'` a spike at t is
 * sent in tick round(t/dt) (as sPyNNaker's SpikeSourceArray), so t = 0 is allowed.
 */
import { ParameterError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { KernelArrays, NeuronKernel, NeuronModel } from './model.js';

/** Parameters of {@link SpikeSourceArray}. */
export interface SpikeSourceArrayParams {
  /** spike times, ms: one list for every neuron, or one list per neuron */
  spikeTimes: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;
}

function isListOfLists(v: unknown): v is ReadonlyArray<ArrayLike<number>> {
  return Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null;
}

function checkTimes(times: ArrayLike<number>, name: string): void {
  for (let s = 0; s < times.length; s++) {
    const t = times[s];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      throw new ParameterError(`${name}[${s}]`, t, 'a finite time >= dt (ms)', 'SpikeSourceArray');
    }
  }
}

/** Spikes at given times, per neuron. */
export const SpikeSourceArray: NeuronModel<SpikeSourceArrayParams> = {
  name: 'SpikeSourceArray',
  pynnName: 'SpikeSourceArray',
  defaults: Object.freeze({ spikeTimes: [] as number[] }),
  units: { spikeTimes: 'ms' },
  stateVariables: {},
  synapseKind: 'none',
  initialState: () => ({}),
  validate(p) {
    const st = p.spikeTimes as unknown;
    if (!st || typeof (st as ArrayLike<unknown>).length !== 'number') {
      throw new ParameterError('spikeTimes', st, 'an array of times (ms), or one such array per neuron', 'SpikeSourceArray');
    }
    if (isListOfLists(st)) st.forEach((times, i) => {
      if (!times || typeof times.length !== 'number') {
        throw new ParameterError(`spikeTimes[${i}]`, times, 'an array of times (ms)', 'SpikeSourceArray');
      }
      checkTimes(times, `spikeTimes[${i}]`);
    });
    else checkTimes(st as ArrayLike<number>, 'spikeTimes');
  },
  createKernel(a: KernelArrays, p: Readonly<SpikeSourceArrayParams>, dt: number, _rng: Rng): NeuronKernel {
    return spikeArrayKernel(a, p, dt, 1);
  },
  /** sPyNNaker: a spike at time t (>= 0) is sent in tick round(t/dt) and stamped t. */
  createSpinnakerKernel(a: KernelArrays, p: Readonly<SpikeSourceArrayParams>, dt: number, _rng: Rng): NeuronKernel {
    return spikeArrayKernel(a, p, dt, 0);
  },
};

/**
 * The kernel: spikes stamped `stamp` = round(t/dt) are emitted by step `stamp - offset`
 * (offset 1: exact semantics, the step that ends at t; 0: spinnaker, the tick t).
 */
function spikeArrayKernel(a: KernelArrays, p: Readonly<SpikeSourceArrayParams>, dt: number, offset: 0 | 1): NeuronKernel {
  const n = a.size;
  let stamps = new Int32Array(0);
  let who = new Uint32Array(0);
  let cursor = 0;
  let lastK = -1;
  const setup = (): void => {
    const st = p.spikeTimes;
    const lists: ArrayLike<number>[] = isListOfLists(st) ? [...st] : Array.from({ length: n }, () => st as ArrayLike<number>);
    if (lists.length !== n) {
      throw new ParameterError('spikeTimes', st, `one list of times per neuron (${n} lists) or a single list`, 'SpikeSourceArray');
    }
    const pairs: Array<[number, number]> = [];
    lists.forEach((times, i) => {
      const seen = new Set<number>();
      for (let s = 0; s < times.length; s++) {
        const stamp = Math.round(times[s] / dt);
        if (stamp < offset) {
          throw new ParameterError(`spikeTimes`, times[s], `times >= dt = ${dt} ms (the first step ends at dt)`, 'SpikeSourceArray');
        }
        if (!seen.has(stamp)) {
          seen.add(stamp);
          pairs.push([stamp, i]);
        }
      }
    });
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    stamps = Int32Array.from(pairs, (q) => q[0]);
    who = Uint32Array.from(pairs, (q) => q[1]);
    cursor = 0;
    // Times already past when the source is (re)configured are not replayed.
    while (cursor < stamps.length && stamps[cursor] <= lastK + offset) cursor++;
  };
  setup();
  return {
    step(k) {
      lastK = k;
      const stamp = k + offset;
      while (cursor < stamps.length && stamps[cursor] < stamp) cursor++;
      let count = 0;
      const spikes = a.spikes;
      while (cursor < stamps.length && stamps[cursor] === stamp) spikes[count++] = who[cursor++];
      return count;
    },
    refresh: setup,
  };
}
