/** The `stdp` benchmark's network at a small size: counts, bounds and the two neuron models. */
import { describe, expect, it } from 'vitest';
import { runStdp } from '../../bench/stdp.js';

describe('bench stdp (small)', () => {
  it('runStdp(1000, 4, 300) counts one update per synapse touched: pre spikes x npost + post spikes x npre', () => {
    for (const model of ['euler', 'cond'] as const) {
      const r = runStdp(1000, 4, 300, 1, true, model);
      expect(r.synapses).toBe(4000);
      expect(r.post_spikes, model).toBeGreaterThan(0);
      // every spike is seen by the rule except presynaptic spikes of the last step (the rule sees them one step later, f = 0)
      expect(r.updates).toBeLessThanOrEqual(r.pre_spikes * 4 + r.post_spikes * 1000);
      expect(r.updates).toBeGreaterThanOrEqual((r.pre_spikes - 1000) * 4 + r.post_spikes * 1000);
      expect(r.w_frac_below_0p1 + r.w_frac_above_0p9).toBeLessThanOrEqual(1);
    }
    const s = runStdp(1000, 4, 300, 1, false);
    expect(s.updates).toBe(0);
  });
});
