/**
 * CA3ContentAddressableMemory: the CAM oracles of the reference (SPEC section 5.3, recorded
 * on SpiNNaker: cueSize 5, contentSize 10), the scheduler's spacing, and typed errors.
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Network } from '../../../src/engine/network.js';
import { CA3ContentAddressableMemory, type Ca3CamResult } from '../../../src/memory/ca3ContentAddressableMemory.js';
import { CA3_CAM_CONFIG } from '../../../src/memory/ca3CamConfig.js';

/** The functional test of the paper (experiment 1), scheduled at maximum frequency or at its 10 ms grid. */
function functionalTest(grid: boolean): Ca3CamResult[] {
  const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
  const at = (t: number) => (grid ? { at: t } : {});
  cam.learn(0, [0, 1, 8, 9], at(0));
  cam.learn(4, [1, 5, 6], at(10));
  cam.learn(3, [4, 5, 6], at(20));
  cam.recallByCue(0, at(30));
  cam.recallByContent([6], at(40));
  cam.recallByContent([0, 4], at(50));
  cam.learn(3, [1, 3, 4, 8], at(60));
  cam.recallByCue(3, at(70));
  cam.recallByContent([6], at(80));
  return cam.flush();
}

describe('CA3ContentAddressableMemory', () => {
  it('new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 }) builds 8 CA3 populations (56 neurons) and 18 projections (295 synapses, 100 plastic)', () => {
    const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
    const pops = Object.values(cam.populations);
    expect(pops.length).toBe(8);
    expect(pops.reduce((s, p) => s + p.size, 0)).toBe(56);
    expect(cam.projections.length).toBe(18);
    // SPEC 2.3 counts IL/OL projections too: 5c + 8n + 2c(c-1) + 3cn
    expect(cam.projections.reduce((s, p) => s + p.size, 0)).toBe(5 * 5 + 8 * 10 + 2 * 5 * 4 + 3 * 5 * 10);
    expect(cam.cueToContent.size + cam.contentToCue.size).toBe(100);
    expect(cam.network.semantics).toBe('spinnaker');
    const c16 = new CA3ContentAddressableMemory({ cueSize: 16, contentSize: 6 });
    expect(Object.values(c16.populations).reduce((s, p) => s + p.size, 0)).toBe(73);
    expect(c16.projections.reduce((s, p) => s + p.size, 0)).toBe(896);
  });

  it('cam.learn(0, [0,1,8,9]) outputs cue 0 and its content at +5 and +7, nothing else (oracle 9)', () => {
    const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
    cam.learn(0, [0, 1, 8, 9]);
    const [r] = cam.flush();
    expect(r).toMatchObject({ outputCues: [0], outputContent: [0, 1, 8, 9], replayedContent: [], cueLatency: 5, contentLatency: 5 });
    const out = cam.spikes().OUTcont!;
    expect([...new Set(out.times)]).toEqual([5, 7]);
    expect(cam.spikes().OUTcue!.times).toEqual(Int32Array.of(5, 7));
  });

  it('cam.flush() on the functional test returns every recorded output and latency (oracles 10-12, 14)', () => {
    const r = functionalTest(true);
    expect(r.map((x) => x.time)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
    const got = r.map((x) => [x.outputCues, x.outputContent, x.replayedContent, x.cueLatency, x.contentLatency]);
    expect(got).toEqual([
      [[0], [0, 1, 8, 9], [], 5, 5],
      [[4], [1, 5, 6], [], 5, 5],
      [[3], [4, 5, 6], [], 5, 5],
      [[0], [0, 1, 8, 9], [], 5, 6], // recall by cue: cue at +5, content at +6
      [[3, 4], [6], [], 6, 5], // recall by content {6}: cues 3, 4 (OR semantics)
      [[0, 3], [0, 4], [], 6, 5],
      [[3], [1, 3, 4, 8], [5, 6], 5, 5], // relearning cue 3 replays its old bits 5, 6 at +6
      [[3], [1, 3, 4, 8], [], 5, 6], // 5, 6 forgotten
      [[4], [6], [], 6, 5], // cue 3 no longer answers content 6
    ]);
  });

  it('cam.learn() / recall*() without `at` schedule at maximum frequency: 7 ms after a learn, 6 ms after a recall', () => {
    const r = functionalTest(false);
    expect(r.map((x) => x.time)).toEqual([0, 7, 14, 21, 27, 33, 39, 46, 52]);
    // learning and recall by cue are unchanged at maximum frequency ...
    expect(r.slice(0, 4).map((x) => [x.outputCues, x.outputContent])).toEqual([[[0], [0, 1, 8, 9]], [[4], [1, 5, 6]], [[3], [4, 5, 6]], [[0], [0, 1, 8, 9]]]);
    expect(r[6]).toMatchObject({ outputCues: [3], outputContent: [1, 3, 4, 8], replayedContent: [5, 6] });
    // ... but learning cue 3 = {4,5,6} 7 ms after cue 4 = {1,5,6} depresses content -> cue 4
    // (ContCont[5,6] fire 5 and 7 ms after CueCont[4]): content {6} no longer recalls cue 4
    expect(r[4]).toMatchObject({ outputCues: [3], outputContent: [6] });
  });

  it('cam.recallByContent(bits) returns every cue sharing at least one bit (oracle 15, OR semantics)', () => {
    // operations 10 ms apart (at maximum frequency, crosstalk between the overlapping
    // contents depresses some content -> cue weights; see the previous test)
    const cam = new CA3ContentAddressableMemory({ cueSize: 3, contentSize: 5 });
    cam.learn(0, [0, 1, 2], { at: 0 });
    cam.learn(1, [1, 2, 3], { at: 10 });
    cam.learn(2, [2, 3, 4], { at: 20 });
    cam.recallByContent([0, 4], { at: 30 });
    cam.recallByContent([2], { at: 40 });
    cam.recallByContent([1, 3], { at: 50 });
    const r = cam.flush().slice(3);
    expect(r.map((x) => x.outputCues)).toEqual([[0, 2], [0, 1, 2], [0, 1, 2]]);
  });

  it('cam.learn(cue, bits, { at }) too early throws a ParameterError and schedules nothing', () => {
    const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
    cam.learn(0, [1]);
    expect(() => cam.recallByCue(0, { at: 6 })).toThrow(ParameterError);
    expect(cam.scheduled.length).toBe(1);
    expect(cam.recallByCue(0, { at: 7 }).time).toBe(7);
    expect(cam.nextFreeTime).toBe(13);
  });

  it('cam.flush() can be called between operations; later operations start after the simulated time', () => {
    const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
    cam.learn(2, [3, 7]);
    cam.flush();
    expect(cam.network.step).toBe(8);
    const op = cam.recallByCue(2);
    expect(op.time).toBe(8);
    const [r] = cam.flush();
    expect(r.outputContent).toEqual([3, 7]);
    expect(r.contentLatency).toBe(6);
  });

  it('new CA3ContentAddressableMemory(bad options) and bad operations throw ParameterErrors', () => {
    expect(() => new CA3ContentAddressableMemory({ cueSize: 0, contentSize: 10 })).toThrow(/cueSize/);
    expect(() => new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 2.5 })).toThrow(/contentSize/);
    expect(() => new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10, network: new Network({ dt: 1 }) })).toThrow(/spinnaker/);
    expect(() => new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10, extra: 1 } as never)).toThrow(/extra/);
    const bad = { ...CA3_CAM_CONFIG, synParameters: { ...CA3_CAM_CONFIG.synParameters, 'IL-CA3cueCueRecallL': { initWeight: 'x', delay: 1, receptor_type: 'excitatory' } } };
    expect(() => new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10, config: bad as never })).toThrow(/initWeight/);
    const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
    expect(() => cam.learn(5, [1])).toThrow(ParameterError);
    expect(() => cam.learn(0, [])).toThrow(/bits/);
    expect(() => cam.learn(0, [10])).toThrow(/bits\[0\]/);
    expect(() => cam.learn(0, [1, 1])).toThrow(/distinct/);
    expect(() => cam.recallByContent([-1])).toThrow(ParameterError);
    expect(() => cam.addInputSpike('cue', 5, 0)).toThrow(ParameterError);
    expect(cam.scheduled.length).toBe(0);
  });

  it('new CA3ContentAddressableMemory({ network, prefix }) builds two memories into one spinnaker network', () => {
    const network = new Network({ dt: 1, semantics: 'spinnaker' });
    const a = new CA3ContentAddressableMemory({ cueSize: 2, contentSize: 3, network, prefix: 'a.' });
    const b = new CA3ContentAddressableMemory({ cueSize: 2, contentSize: 3, network, prefix: 'b.' });
    expect(network.populations.length).toBe(20);
    a.learn(1, [0, 2]);
    b.learn(0, [1]);
    expect(a.flush()[0].outputContent).toEqual([0, 2]);
    expect(b.flush()[0].outputContent).toEqual([1]);
  });
});
