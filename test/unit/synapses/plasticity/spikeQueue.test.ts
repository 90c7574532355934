import { describe, expect, it } from 'vitest';
import { SpikeQueue } from '../../../../src/synapses/plasticity/spikeQueue.js';

describe('SpikeQueue', () => {
  it('new SpikeQueue(delay) returns the spikes of step k - delay and forgets older ones', () => {
    const q = new SpikeQueue(2);
    q.record(0, Uint32Array.of(3, 5), 2);
    q.record(1, Uint32Array.of(7), 1);
    q.record(2, Uint32Array.of(), 0);
    expect(q.countOf(0)).toBe(2);
    expect(Array.from(q.spikesOf(0).subarray(0, 2))).toEqual([3, 5]);
    expect(q.countOf(1)).toBe(1);
    q.record(3, Uint32Array.of(1, 2, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22), 18);
    expect(q.countOf(0)).toBe(0); // overwritten
    expect(q.countOf(3)).toBe(18);
    expect(q.spikesOf(3)[17]).toBe(22);
    expect(q.countOf(-1)).toBe(0);
  });
});
