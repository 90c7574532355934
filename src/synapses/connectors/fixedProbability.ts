import { GrowableUint32Array } from '../../core/growable.js';
import { requireProbability } from '../../core/validate.js';
import type { Connector, SelfConnectionOptions } from '../connector.js';

/**
 * Connects each pair independently with probability `p` (PyNN
 * `FixedProbabilityConnector`, Brian `connect(p=...)`). Drawn row by row by skipping
 * geometrically distributed gaps, so building costs O(synapses), not O(nPre x nPost).
 *
 * @example net.connect(exc, all, fixedProbability(0.02), { weight: 0.081 })
 */
export function fixedProbability(p: number, options: SelfConnectionOptions = {}): Connector {
  requireProbability('p', p, 'fixedProbability');
  const allowSelf = options.allowSelf ?? true;
  return {
    kind: 'fixedProbability',
    params: { p, allowSelf },
    build(nPre, nPost, rng, same) {
      const skipSelf = same && !allowSelf;
      const candidates = skipSelf ? nPost - 1 : nPost;
      const expected = nPre * candidates * p;
      const targets = new GrowableUint32Array(Math.ceil(expected + 6 * Math.sqrt(expected) + 16));
      const rowPtr = new Uint32Array(nPre + 1);
      const logq = Math.log1p(-p);
      for (let i = 0; i < nPre; i++) {
        if (p >= 1) {
          targets.reserve(candidates);
          for (let c = 0; c < candidates; c++) targets.push(skipSelf && c >= i ? c + 1 : c);
        } else if (p > 0) {
          // Gap before the next connected candidate ~ Geometric(p).
          let c = Math.floor(Math.log(1 - rng.random53()) / logq);
          while (c < candidates) {
            targets.push(skipSelf && c >= i ? c + 1 : c);
            c += 1 + Math.floor(Math.log(1 - rng.random53()) / logq);
          }
        }
        rowPtr[i + 1] = targets.length;
      }
      return { rowPtr, target: targets.toArray() };
    },
  };
}
