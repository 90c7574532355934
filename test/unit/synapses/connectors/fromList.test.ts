import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng.js';
import { Network } from '../../../../src/engine/network.js';
import { IFCurrExp } from '../../../../src/neurons/ifCurrExp.js';
import { fromList, type ConnectionTuple } from '../../../../src/synapses/connectors/fromList.js';
import { paramError } from '../../../fixtures/parameterError.js';

function twoPops(dt = 0.1) {
  const net = new Network({ dt, seed: 1 });
  const pre = net.population(IFCurrExp, 3, { label: 'pre' });
  const post = net.population(IFCurrExp, 4, { label: 'post' });
  return { net, pre, post };
}

describe('fromList(list)', () => {
  it('fromList(pairs).build groups the pairs by pre in CSR order, keeping list order within a row', () => {
    const set = fromList([
      [2, 0],
      [0, 3],
      [2, 1],
      [0, 1],
    ]).build(3, 4, new Rng(1), false);
    expect(Array.from(set.rowPtr)).toEqual([0, 2, 2, 4]);
    expect(Array.from(set.target)).toEqual([3, 1, 0, 1]);
    expect(Array.from(set.weight!).every(Number.isNaN)).toBe(true);
    expect(Array.from(set.delay!).every(Number.isNaN)).toBe(true);
  });

  it('fromList([[pre, post, weight, delay], ...]) overrides the projection weight and delay per synapse', () => {
    const { net, pre, post } = twoPops();
    const proj = net.connect(
      pre,
      post,
      fromList([
        [1, 2, 0.75, 3.0],
        [0, 1],
        [1, 0, -0.25],
        [2, 3, 0.5, 0.2],
      ]),
      { weight: 0.125, delay: 1.0 },
    );
    // CSR order: (0,1) (1,2) (1,0) (2,3)
    expect(Array.from(proj.sources())).toEqual([0, 1, 1, 2]);
    expect(Array.from(proj.target)).toEqual([1, 2, 0, 3]);
    expect(Array.from(proj.weight)).toEqual([0.125, 0.75, -0.25, 0.5]);
    expect(Array.from(proj.delaysMs(0.1)).map((d) => Math.round(d * 10))).toEqual([10, 30, 10, 2]);
    expect(proj.delay).toBeInstanceOf(Uint8Array);
    expect(Array.from(proj.delay!)).toEqual([10, 30, 10, 2]);
  });

  it('fromList with every weight given needs no projection weight', () => {
    const { net, pre, post } = twoPops();
    const proj = net.connect(pre, post, fromList([[0, 0, 0.5], [1, 1, 0.25]]));
    expect(Array.from(proj.weight)).toEqual([0.5, 0.25]);
    expect(proj.constantDelay).toBe(1);
  });

  it('fromList with a pair lacking a weight and no projection weight throws naming weight', () => {
    const { net, pre, post } = twoPops();
    expect(paramError(() => net.connect(pre, post, fromList([[0, 0, 0.5], [1, 1]]))).parameter).toBe('weight');
    expect(net.projections.length).toBe(0);
  });

  it('fromList keeps repeated pairs as separate synapses (PyNN)', () => {
    const { net, pre, post } = twoPops();
    const proj = net.connect(pre, post, fromList([[0, 1, 0.5], [0, 1, 0.25]]));
    expect(proj.size).toBe(2);
    expect(Array.from(proj.target)).toEqual([1, 1]);
    expect(Array.from(proj.weight)).toEqual([0.5, 0.25]);
  });

  it('fromList with a pre index >= pre.size throws at connect, naming list[i].pre', () => {
    const { net, pre, post } = twoPops();
    const e = paramError(() => net.connect(pre, post, fromList([[0, 0], [3, 1]]), { weight: 1 }));
    expect(e.parameter).toBe('list[1].pre');
    expect(e.value).toBe(3);
    expect(net.projections.length).toBe(0);
  });

  it('fromList with a post index >= post.size throws at connect, naming list[i].post', () => {
    const { net, pre, post } = twoPops();
    const e = paramError(() => net.connect(pre, post, fromList([[0, 0], [1, 1], [2, 4]]), { weight: 1 }));
    expect(e.parameter).toBe('list[2].post');
    expect(e.value).toBe(4);
  });

  it('fromList with a delay shorter than dt throws naming delay', () => {
    const { net, pre, post } = twoPops();
    expect(paramError(() => net.connect(pre, post, fromList([[0, 0, 0.5, 0.05]]))).parameter).toBe('delay');
  });

  it.each([
    [[[-1, 0]], 'list[0].pre'],
    [[[0, 1.5]], 'list[0].post'],
    [[[0, 0, NaN]], 'list[0].weight'],
    [[[0, 0, 1, Infinity]], 'list[0].delay'],
    [[[0, 0], [1]], 'list[1]'],
    [[[0, 0, 1, 1, 1]], 'list[0]'],
    [[[0, '1']], 'list[0].post'],
  ])('fromList(%j) throws a ParameterError naming %s', (list, name) => {
    expect(paramError(() => fromList(list as unknown as ConnectionTuple[])).parameter).toBe(name);
  });

  it('fromList("not a list") throws naming list', () => {
    expect(paramError(() => fromList('x' as never)).parameter).toBe('list');
  });

  it('fromList([]) connects nothing', () => {
    const { net, pre, post } = twoPops();
    const proj = net.connect(pre, post, fromList([]), { weight: 1 });
    expect(proj.size).toBe(0);
    expect(Array.from(proj.rowPtr)).toEqual([0, 0, 0, 0]);
  });
});
