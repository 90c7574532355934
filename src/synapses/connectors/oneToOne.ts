import { ParameterError } from '../../core/errors.js';
import type { Connector } from '../connector.js';

/**
 * Connects neuron i of the source to neuron i of the target (PyNN `OneToOneConnector`);
 * both populations must have the same size.
 */
export function oneToOne(): Connector {
  return {
    kind: 'oneToOne',
    params: {},
    build(nPre, nPost) {
      if (nPre !== nPost) {
        throw new ParameterError('post.size', nPost, `equal to pre.size = ${nPre}`, 'oneToOne');
      }
      const rowPtr = new Uint32Array(nPre + 1);
      const target = new Uint32Array(nPre);
      for (let i = 0; i < nPre; i++) {
        target[i] = i;
        rowPtr[i + 1] = i + 1;
      }
      return { rowPtr, target };
    },
  };
}
