import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng.js';
import { Network } from '../../../../src/engine/network.js';
import { IFCurrExp } from '../../../../src/neurons/ifCurrExp.js';
import { allToAll } from '../../../../src/synapses/connectors/allToAll.js';

describe('allToAll()', () => {
  it('allToAll().build(3, 4) connects all 12 pairs, rows ascending', () => {
    const set = allToAll().build(3, 4, new Rng(1), false);
    expect(Array.from(set.rowPtr)).toEqual([0, 4, 8, 12]);
    expect(Array.from(set.target)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
  });

  it('allToAll({ allowSelf: false }).build(3, 3, same population) leaves out i -> i: 6 synapses', () => {
    const set = allToAll({ allowSelf: false }).build(3, 3, new Rng(1), true);
    expect(Array.from(set.rowPtr)).toEqual([0, 2, 4, 6]);
    expect(Array.from(set.target)).toEqual([1, 2, 0, 2, 0, 1]);
  });

  it('allToAll() on one population keeps i -> i by default (PyNN allow_self_connections=True)', () => {
    expect(allToAll().build(3, 3, new Rng(1), true).target.length).toBe(9);
  });

  it('allToAll({ allowSelf: false }) between two different populations keeps all pairs', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 5);
    const b = net.population(IFCurrExp, 5);
    expect(net.connect(a, b, allToAll({ allowSelf: false }), { weight: 0.1 }).size).toBe(25);
    expect(net.connect(a, a, allToAll({ allowSelf: false }), { weight: 0.1 }).size).toBe(20);
  });

  it('allToAll() draws nothing: the same result from any seed', () => {
    expect(allToAll().build(7, 9, new Rng(1), false).target).toEqual(allToAll().build(7, 9, new Rng(2), false).target);
    expect(allToAll({ allowSelf: false }).params).toEqual({ allowSelf: false });
  });
});
