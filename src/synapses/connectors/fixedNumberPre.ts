import { ParameterError } from '../../core/errors.js';
import { requireInteger } from '../../core/validate.js';
import { csrFromPairs, type Connector, type SelfConnectionOptions } from '../connector.js';

/**
 * Each postsynaptic neuron receives exactly `k` distinct presynaptic neurons chosen at
 * random (PyNN `FixedNumberPreConnector`, without replacement): an exact in-degree.
 */
export function fixedNumberPre(k: number, options: SelfConnectionOptions = {}): Connector {
  requireInteger('k', k, 'fixedNumberPre');
  const allowSelf = options.allowSelf ?? true;
  return {
    kind: 'fixedNumberPre',
    params: { k, allowSelf },
    build(nPre, nPost, rng, same) {
      const skipSelf = same && !allowSelf;
      const candidates = skipSelf ? nPre - 1 : nPre;
      if (k > candidates) {
        throw new ParameterError('k', k, `an integer <= ${candidates} (presynaptic candidates)`, 'fixedNumberPre');
      }
      const pre = new Uint32Array(nPost * k);
      const post = new Uint32Array(nPost * k);
      for (let j = 0; j < nPost; j++) {
        const chosen = rng.sampleWithoutReplacement(candidates, k);
        const base = j * k;
        for (let c = 0; c < k; c++) {
          pre[base + c] = skipSelf && chosen[c] >= j ? chosen[c] + 1 : chosen[c];
          post[base + c] = j;
        }
      }
      // Posts were generated in ascending order, so each CSR row comes out sorted.
      const { rowPtr, target } = csrFromPairs(nPre, pre, post);
      return { rowPtr, target };
    },
  };
}
