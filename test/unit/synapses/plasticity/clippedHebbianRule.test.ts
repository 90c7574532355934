import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { Rng } from '../../../../src/core/rng.js';
import { ClippedHebbianRule, CLIPPED_HEBBIAN_DEFAULTS } from '../../../../src/synapses/plasticity/clippedHebbianRule.js';
import { bindAllToAll, drive } from './harness.js';

describe('ClippedHebbianRule', () => {
  it('new ClippedHebbianRule() defaults to a 10 ms window and wOn = 1; bad parameters throw naming them', () => {
    expect(new ClippedHebbianRule().params).toEqual(CLIPPED_HEBBIAN_DEFAULTS);
    for (const [p, name] of [[{ window: -1 }, 'window'], [{ wOn: NaN }, 'wOn'], [{ w: 1 }, 'params.w']] as const) {
      try {
        new ClippedHebbianRule(p as never);
        expect.unreachable(name);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        expect((e as ParameterError).parameter).toBe(name);
      }
    }
  });

  it('ClippedHebbianRule switches a synapse on when pre and post fire within the window, in either order, and clips', () => {
    const b = bindAllToAll(new ClippedHebbianRule({ window: 5, wOn: 0.7 }), 3, 1, { dt: 0.1 });
    // pre 0 at 1.0 ms and post at 5.0 ms (4 ms later); pre 1 at 10.5 ms (5.5 ms after post); pre 2 1 ms after the post
    drive(b, { pre: [[10, 0], [105, 1], [60, 2]], post: [[50, 0]] });
    expect(Array.from(b.weight)).toEqual([0.7, 0, 0.7]);
    drive(b, { pre: [[200, 0]], post: [[201, 0]] });
    expect(b.weight[0]).toBe(0.7);
  });

  it('ClippedHebbianRule stores synchronous pattern pairs exactly as the Willshaw matrix min(1, sum x y)', () => {
    const rng = new Rng(5);
    const nIn = 40;
    const nOut = 30;
    const b = bindAllToAll(new ClippedHebbianRule({ window: 2, wOn: 1 }), nIn, nOut, { dt: 0.1 });
    const expected = new Float64Array(nIn * nOut);
    const pre: Array<[number, number]> = [];
    const post: Array<[number, number]> = [];
    for (let mu = 0; mu < 12; mu++) {
      const x = Array.from({ length: nIn }, () => rng.random() < 0.15);
      const y = Array.from({ length: nOut }, () => rng.random() < 0.15);
      const k = 100 + mu * 500; // 50 ms apart: no cross-pattern coincidences
      x.forEach((on, i) => on && pre.push([k, i]));
      y.forEach((on, j) => on && post.push([k + 5, j]));
      for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) if (x[i] && y[j]) expected[i * nOut + j] = 1;
    }
    drive(b, { pre, post });
    expect(Array.from(b.weight)).toEqual(Array.from(expected));
  });
});
