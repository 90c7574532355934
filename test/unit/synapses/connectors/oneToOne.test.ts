import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { Rng } from '../../../../src/core/rng.js';
import { Network } from '../../../../src/engine/network.js';
import { IFCurrExp } from '../../../../src/neurons/ifCurrExp.js';
import { oneToOne } from '../../../../src/synapses/connectors/oneToOne.js';

describe('oneToOne()', () => {
  it('oneToOne().build(4, 4) connects i -> i', () => {
    const set = oneToOne().build(4, 4, new Rng(1), false);
    expect(Array.from(set.rowPtr)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(set.target)).toEqual([0, 1, 2, 3]);
  });

  it('oneToOne() between populations of different sizes throws a ParameterError naming post.size', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 4);
    const b = net.population(IFCurrExp, 5);
    let err: unknown;
    try {
      net.connect(a, b, oneToOne(), { weight: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as ParameterError).parameter).toBe('post.size');
    expect((err as ParameterError).value).toBe(5);
    expect(net.projections.length).toBe(0);
  });
});
