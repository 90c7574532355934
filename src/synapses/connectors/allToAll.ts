import type { Connector, SelfConnectionOptions } from '../connector.js';

/**
 * Connects every presynaptic neuron to every postsynaptic one (PyNN `AllToAllConnector`).
 * With `allowSelf: false` and the same population on both sides, i -> i is left out.
 *
 * @example net.connect(inputs, neuron, allToAll(), { weight: 0.01 })
 */
export function allToAll(options: SelfConnectionOptions = {}): Connector {
  const allowSelf = options.allowSelf ?? true;
  return {
    kind: 'allToAll',
    params: { allowSelf },
    build(nPre, nPost, _rng, same) {
      const skipSelf = same && !allowSelf;
      const perRow = skipSelf ? nPost - 1 : nPost;
      const rowPtr = new Uint32Array(nPre + 1);
      const target = new Uint32Array(nPre * perRow);
      let at = 0;
      for (let i = 0; i < nPre; i++) {
        for (let j = 0; j < nPost; j++) if (!(skipSelf && j === i)) target[at++] = j;
        rowPtr[i + 1] = at;
      }
      return { rowPtr, target };
    },
  };
}
