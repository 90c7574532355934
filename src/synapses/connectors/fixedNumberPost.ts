import { ParameterError } from '../../core/errors.js';
import { requireInteger } from '../../core/validate.js';
import type { Connector, SelfConnectionOptions } from '../connector.js';

/**
 * Each presynaptic neuron connects to exactly `k` distinct postsynaptic neurons chosen
 * at random (PyNN `FixedNumberPostConnector`, without replacement).
 */
export function fixedNumberPost(k: number, options: SelfConnectionOptions = {}): Connector {
  requireInteger('k', k, 'fixedNumberPost');
  const allowSelf = options.allowSelf ?? true;
  return {
    kind: 'fixedNumberPost',
    params: { k, allowSelf },
    build(nPre, nPost, rng, same) {
      const skipSelf = same && !allowSelf;
      const candidates = skipSelf ? nPost - 1 : nPost;
      if (k > candidates) {
        throw new ParameterError('k', k, `an integer <= ${candidates} (postsynaptic candidates)`, 'fixedNumberPost');
      }
      const rowPtr = new Uint32Array(nPre + 1);
      const target = new Uint32Array(nPre * k);
      for (let i = 0; i < nPre; i++) {
        const chosen = rng.sampleWithoutReplacement(candidates, k);
        const base = i * k;
        for (let c = 0; c < k; c++) target[base + c] = skipSelf && chosen[c] >= i ? chosen[c] + 1 : chosen[c];
        rowPtr[i + 1] = base + k;
      }
      return { rowPtr, target };
    },
  };
}
