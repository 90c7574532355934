import { ParameterError } from '../../core/errors.js';
import { csrFromPairs, type Connector } from '../connector.js';

/** One synapse: [pre, post], [pre, post, weight] or [pre, post, weight, delay (ms)]. */
export type ConnectionTuple =
  | readonly [number, number]
  | readonly [number, number, number]
  | readonly [number, number, number, number];

/**
 * Connects exactly the listed pairs (PyNN `FromListConnector`). Weights and delays in
 * the list override the projection's `weight` and `delay` for those synapses.
 * Repeated pairs give repeated synapses, as in PyNN.
 *
 * @example fromList([[0, 1, 0.5, 1.0], [2, 1]])
 */
export function fromList(list: readonly ConnectionTuple[]): Connector {
  if (!Array.isArray(list)) throw new ParameterError('list', list, 'an array of [pre, post, weight?, delay?]', 'fromList');
  for (let s = 0; s < list.length; s++) {
    const row = list[s];
    if (!Array.isArray(row) || row.length < 2 || row.length > 4) {
      throw new ParameterError(`list[${s}]`, row, '[pre, post], [pre, post, weight] or [pre, post, weight, delay]', 'fromList');
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isFinite(v) || (c < 2 && (!Number.isInteger(v) || v < 0))) {
        const what = ['pre', 'post', 'weight', 'delay'][c];
        throw new ParameterError(`list[${s}].${what}`, v, c < 2 ? 'a non-negative integer index' : 'a finite number', 'fromList');
      }
    }
  }
  return {
    kind: 'fromList',
    params: { count: list.length },
    build(nPre, nPost) {
      const m = list.length;
      const pre = new Uint32Array(m);
      const post = new Uint32Array(m);
      for (let s = 0; s < m; s++) {
        const [i, j] = list[s];
        if (i >= nPre) throw new ParameterError(`list[${s}].pre`, i, `an index < ${nPre} (pre.size)`, 'fromList');
        if (j >= nPost) throw new ParameterError(`list[${s}].post`, j, `an index < ${nPost} (post.size)`, 'fromList');
        pre[s] = i;
        post[s] = j;
      }
      const { rowPtr, target, order } = csrFromPairs(nPre, pre, post);
      const weight = new Float64Array(m);
      const delay = new Float64Array(m);
      for (let at = 0; at < m; at++) {
        const row = list[order[at]];
        weight[at] = row.length > 2 ? (row[2] as number) : NaN;
        delay[at] = row.length > 3 ? (row[3] as number) : NaN;
      }
      return { rowPtr, target, weight, delay };
    },
  };
}
