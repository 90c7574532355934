import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { SDR } from '../../../src/sdr/sdr.js';

const list = (x: ArrayLike<number>): number[] => Array.from(x);

describe('SDR construction and views', () => {
  it('new SDR(dimensions) is all zeros with size = product of dimensions', () => {
    const a = new SDR(103);
    expect(a.size).toBe(103);
    expect(a.dimensions).toEqual([103]);
    expect(a.getSum()).toBe(0);
    const c = new SDR([2, 4, 5, 1, 1, 1, 1, 3]);
    expect(c.size).toBe(120);
    expect(Object.isFrozen(c.dimensions)).toBe(true);
  });

  it('new SDR(dimensions) gives SDRs of one shape one shared frozen dimensions array', () => {
    const a = new SDR(2048);
    expect(new SDR([2048]).dimensions).toBe(a.dimensions);
    expect(new SDR([32, 64]).reshape(2048).dimensions).toBe(a.dimensions);
    expect(SDR.fromJSON({ dimensions: [2048], sparse: [] }).dimensions).toBe(a.dimensions);
    expect(new SDR([32, 64]).dimensions).not.toBe(a.dimensions);
    expect(Object.isFrozen(a.dimensions)).toBe(true);
    const dims = [4, 5];
    const b = new SDR(dims);
    dims[0] = 20; // the caller's array is copied, not kept
    expect(b.dimensions).toEqual([4, 5]);
  });

  it('new SDR(dimensions) throws for empty, zero, negative or fractional dimensions', () => {
    expect(() => new SDR([])).toThrow(ParameterError);
    expect(() => new SDR(0)).toThrow(/'dimensions\[0\]'/);
    expect(() => new SDR([10, -1])).toThrow(/'dimensions\[1\]'/);
    expect(() => new SDR([2.5])).toThrow(ParameterError);
    expect(() => new SDR('10' as unknown as number)).toThrow(ParameterError);
    expect(() => new SDR([65536, 65536])).toThrow(/product/);
  });

  it('setSparse, setDense and setCoordinates give the same SDR (htm.core example)', () => {
    const x = new SDR([3, 3]).setDense([0, 1, 0, 0, 1, 0, 0, 0, 1]);
    expect(list(x.sparse)).toEqual([1, 4, 8]);
    expect(x.coordinates.map(list)).toEqual([
      [0, 1, 2],
      [1, 1, 2],
    ]);
    const y = new SDR([3, 3]).setCoordinates([
      [0, 1, 2],
      [1, 1, 2],
    ]);
    expect(list(y.dense)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 1]);
    const z = new SDR([3, 3]).setSparse([1, 4, 8]);
    expect(x.equals(y) && y.equals(z)).toBe(true);
  });

  it('views are cached until the value changes', () => {
    const x = SDR.fromSparse(10, [1, 2, 3]);
    const d = x.dense;
    expect(x.dense).toBe(d);
    const c = x.coordinates;
    expect(x.coordinates).toBe(c);
    x.setSparse([4]);
    expect(x.dense).not.toBe(d);
    expect(list(x.dense)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('setDense(sdr.dense) after modifying the dense view in place updates the sparse view', () => {
    const x = new SDR([1000, 1000]);
    const data = x.dense;
    data[4] = 1;
    data[444 * 1000 + 444] = 1;
    x.setDense(data);
    expect(list(x.sparse)).toEqual([4, 444444]);
  });

  it('setSparse sorts its input and setDense accepts booleans and any non-zero number', () => {
    expect(list(new SDR(10).setSparse([9, 0, 5]).sparse)).toEqual([0, 5, 9]);
    expect(list(new SDR(4).setDense([true, false, 2, -1]).sparse)).toEqual([0, 2, 3]);
  });

  it('setSparse throws for an index out of range, a duplicate or a non-integer', () => {
    const x = new SDR(10);
    expect(() => x.setSparse([10])).toThrow(/'sparse\[0\]' = 10 is invalid; allowed: an integer index in \[0, 10\)/);
    expect(() => x.setSparse([-1])).toThrow(ParameterError);
    expect(() => x.setSparse([1.5])).toThrow(ParameterError);
    expect(() => x.setSparse([3, 1, 3])).toThrow(/duplicates/);
    expect(() => x.setSparse(5 as unknown as number[])).toThrow(ParameterError);
    expect(() => SDR.fromSparse(1000, new SDR(1001).setSparse([1000]).sparse)).toThrow(ParameterError);
  });

  it('setDense throws for a wrong length or a NaN entry', () => {
    expect(() => new SDR(3).setDense([0, 1])).toThrow(/exactly size = 3/);
    expect(() => new SDR(3).setDense([0, Number.NaN, 1])).toThrow(/'dense\[1\]'/);
    expect(() => new SDR(3).setDense(null as unknown as number[])).toThrow(ParameterError);
  });

  it('setCoordinates throws for a wrong number of lists, unequal lengths or out-of-range coordinates', () => {
    const x = new SDR([3, 3]);
    expect(() => x.setCoordinates([[0, 1]])).toThrow(/2 index lists/);
    expect(() => x.setCoordinates([[0, 1], [1]])).toThrow(/'coordinates\[1\]'/);
    expect(() => x.setCoordinates([[0], [3]])).toThrow(/'coordinates\[1\]\[0\]'/);
    expect(() => x.setCoordinates([[0, 0], [1, 1]])).toThrow(/duplicates/);
  });

  it('at(coordinates) reads one bit, from the sparse or the dense view', () => {
    const x = SDR.fromSparse([3, 3], [4, 8]);
    expect(x.at([1, 1])).toBe(1);
    expect(x.at([0, 0])).toBe(0);
    expect(x.at([2, 2])).toBe(1);
    void x.dense;
    expect(x.at([1, 1])).toBe(1);
    expect(() => x.at([3, 0])).toThrow(/'coordinates\[0\]'/);
    expect(() => x.at([1])).toThrow(ParameterError);
  });

  it('zero() clears every bit and returns the SDR', () => {
    const x = SDR.fromSparse(103, list({ length: 20 }).map((_, i) => i));
    expect(x.zero()).toBe(x);
    expect(x.getSum()).toBe(0);
  });

  it('getSum() and getSparsity() count active bits', () => {
    const x = new SDR(103);
    expect(x.getSparsity()).toBe(0);
    x.setDense(new Array(103).fill(1));
    expect(x.getSum()).toBe(103);
    expect(x.getSparsity()).toBe(1);
  });
});

describe('SDR copies and shape', () => {
  it('setSDR(other) deep-copies value and shape and throws for another size', () => {
    const a = SDR.fromSparse(103, [66]);
    const b = new SDR(103).setSDR(a);
    expect(list(b.sparse)).toEqual([66]);
    b.setSparse([66, 77]);
    expect(list(a.sparse)).toEqual([66]);
    const c = new SDR([10, 10]).setSDR(SDR.fromSparse(100, [5]));
    expect(c.dimensions).toEqual([100]);
    expect(() => a.setSDR(new SDR(120))).toThrow(/an SDR of size 103/);
    expect(() => a.setSDR({} as SDR)).toThrow(ParameterError);
  });

  it('reshape(dimensions) keeps the value and throws when the size would change', () => {
    const a = SDR.fromSparse([4, 4], [4, 5, 10]); // (1,0) (1,1) (2,2)
    a.reshape([8, 2]);
    expect(a.coordinates.map(list)).toEqual([
      [2, 2, 5],
      [0, 1, 0],
    ]);
    expect(() => a.reshape([5, 3])).toThrow(/product is size = 16/);
  });

  it('flatten() and clone() return independent copies', () => {
    const a = SDR.fromSparse([3, 3], [1, 4]);
    const f = a.flatten();
    expect(f.dimensions).toEqual([9]);
    expect(list(f.sparse)).toEqual([1, 4]);
    const c = a.clone();
    expect(c.equals(a)).toBe(true);
    c.setSparse([0]);
    expect(list(a.sparse)).toEqual([1, 4]);
  });

  it('equals(other) compares dimensions and bits', () => {
    expect(SDR.fromSparse(10, [1]).equals(SDR.fromSparse(10, [1]))).toBe(true);
    expect(SDR.fromSparse(10, [1]).equals(SDR.fromSparse(10, [2]))).toBe(false);
    expect(SDR.fromSparse([2, 5], [1]).equals(SDR.fromSparse(10, [1]))).toBe(false);
    expect(SDR.fromSparse(10, [1]).equals(null as unknown as SDR)).toBe(false);
  });

  it('toJSON() and SDR.fromJSON() round-trip through JSON.stringify', () => {
    const a = new SDR([10, 20]).randomize(0.3, 5);
    const text = JSON.stringify(a);
    const b = SDR.fromJSON(JSON.parse(text));
    expect(b.equals(a)).toBe(true);
    expect(JSON.stringify(SDR.fromSparse(4, [1]))).toBe('{"dimensions":[4],"sparse":[1]}');
  });

  it('SDR.fromJSON throws for malformed input', () => {
    expect(() => SDR.fromJSON(null)).toThrow(ParameterError);
    expect(() => SDR.fromJSON({ dimensions: [4], sparse: [4] })).toThrow(/'json.sparse\[0\]'/);
    expect(() => SDR.fromJSON({ dimensions: [], sparse: [] })).toThrow(/'json.dimensions'/);
    expect(() => SDR.fromJSON({ dimensions: [4], sparse: [1, 1] })).toThrow(/duplicates/);
  });

  it('toString() prints like htm.core', () => {
    expect(String(SDR.fromSparse(103, [0, 9, 102]))).toBe('SDR( 103 ) 0, 9, 102');
    expect(String(new SDR(103))).toBe('SDR( 103 )');
    expect(String(SDR.fromSparse([100, 100, 1], [0, 9999]))).toBe('SDR( 100, 100, 1 ) 0, 9999');
  });
});

describe('SDR.overlap', () => {
  it('overlap(other) counts shared active bits', () => {
    const a = new SDR(103);
    const b = new SDR(103);
    expect(a.overlap(b)).toBe(0);
    a.setSparse(list({ length: 10 }).map((_, i) => i));
    b.setSparse(list({ length: 20 }).map((_, i) => i));
    expect(a.overlap(b)).toBe(10);
    a.setSparse([...list({ length: 20 }).map((_, i) => i), ...list({ length: 10 }).map((_, i) => 50 + i)]);
    b.setSparse(list({ length: 19 }).map((_, i) => i + 1));
    expect(a.overlap(b)).toBe(19);
  });

  it('overlap(other) gives the same count on every internal path (marking, search, dense view, bit set)', () => {
    const rng = new Rng(3);
    for (let t = 0; t < 200; t++) {
      const size = 50 + rng.int(3000);
      const a = new SDR(size).randomize(rng.random() * 0.5, rng);
      const b = new SDR(size).randomize(rng.random() * 0.05, rng);
      const da = a.dense;
      let expected = 0;
      for (const i of b.sparse) expected += da[i];
      expect(b.clone().overlap(a.clone())).toBe(expected); // no dense view: marking or search
      expect(a.clone().overlap(b.clone())).toBe(expected);
      expect(a.overlap(b)).toBe(expected); // a has a dense view
      expect(b.overlap(a)).toBe(expected);
      const c = b.clone();
      const d = a.clone();
      for (let r = 0; r < 3; r++) expect(c.overlap(d)).toBe(expected); // reused values cache a bit set
    }
  });

  it('overlap(other) of a reused value looks up the other side in its cached bit set, at word boundaries too', () => {
    // sizes around multiples of 32 and bits on both sides of every word boundary
    for (const size of [31, 32, 33, 64, 65, 2048, 2049]) {
      const edges = [0, 30, 31, 32, 33, 63, 64, 95, 96, size - 1].filter((i, k, all) => i < size && all.indexOf(i) === k);
      const a = SDR.fromSparse(size, edges);
      const b = SDR.fromSparse(size, edges.filter((_, k) => k % 2 === 0));
      const expected = b.getSum();
      for (let r = 0; r < 4; r++) {
        expect(a.overlap(b)).toBe(expected); // the first repeat builds a's bit set, then b's
        expect(b.overlap(a)).toBe(expected);
      }
      const none = SDR.fromSparse(size, list({ length: size }).map((_, i) => i).filter((i) => !edges.includes(i)));
      for (let r = 0; r < 3; r++) expect(a.overlap(none)).toBe(0);
    }
  });

  it('overlap(other) after setSparse, addNoise or zero uses the new value, not a stale bit set', () => {
    const rng = new Rng(11);
    const a = new SDR(2048).randomize(40 / 2048, rng);
    const b = a.clone();
    for (let r = 0; r < 3; r++) expect(a.overlap(b)).toBe(40); // both cache a bit set
    b.addNoise(0.25, rng);
    for (let r = 0; r < 3; r++) expect(a.overlap(b)).toBe(30);
    a.setSparse(list(b.sparse).slice(0, 7));
    for (let r = 0; r < 3; r++) expect(b.overlap(a)).toBe(7);
    a.zero();
    expect(a.overlap(b)).toBe(0);
    expect(b.overlap(a)).toBe(0);
  });

  it('overlap(other) with a bit set on one side and a dense view on the other loops over the shorter list', () => {
    const rng = new Rng(5);
    const big = new SDR(1000).randomize(0.4, rng);
    const small = new SDR(1000).randomize(0.02, rng);
    const dense = big.dense;
    let expected = 0;
    for (const i of small.sparse) expected += dense[i];
    for (let r = 0; r < 3; r++) expect(small.overlap(small.clone())).toBe(small.getSum()); // small gets a bit set
    expect(small.overlap(big)).toBe(expected);
    expect(big.overlap(small)).toBe(expected);
    for (let r = 0; r < 3; r++) expect(big.clone().overlap(small)).toBe(expected);
  });

  it('overlap(other) of one-off pairs above 2^24 bits counts by sorted merge', () => {
    const size = 2 ** 25;
    const rng = new Rng(9);
    for (const fraction of [0, 0.3, 1]) {
      const a = new SDR(size).randomize(500 / size, rng);
      const b = a.clone().addNoise(fraction, rng);
      expect(a.clone().overlap(b.clone())).toBe(500 - Math.round(fraction * 500));
      expect(b.clone().overlap(a.clone())).toBe(500 - Math.round(fraction * 500));
    }
    const x = SDR.fromSparse(size, [0, 5, 7, size - 1]);
    const y = SDR.fromSparse(size, [1, 5, 6, 7, 8, size - 2, size - 1]);
    expect(x.overlap(y)).toBe(3);
    expect(y.overlap(x)).toBe(3);
  });

  it('overlap(other) throws for different dimensions (even of equal size)', () => {
    const a = new SDR(103);
    expect(() => a.overlap(new SDR([1, 1, 1, 1, 103]))).toThrow(/'other.dimensions'/);
    expect(() => a.overlap(new SDR(104))).toThrow(ParameterError);
    expect(() => a.overlap(null as unknown as SDR)).toThrow(/'other'/);
  });
});

describe('SDR.randomize, addNoise and killCells', () => {
  it('randomize(sparsity, seed) sets exactly round(size·sparsity) bits; same seed, same SDR', () => {
    const a = new SDR(103).randomize(0.1, 42);
    const b = new SDR(103).randomize(0.1, 42);
    expect(a.getSum()).toBe(10);
    expect(a.equals(b)).toBe(true);
    expect(new SDR(103).randomize(0.1, 43).equals(a)).toBe(false);
    expect(new SDR(1000).randomize(0.5, new Rng(77)).equals(new SDR(1000).randomize(0.5, new Rng(77)))).toBe(true);
    expect(new SDR(1000).randomize(1, 1).getSum()).toBe(1000);
    expect(new SDR(1000).randomize(0, 1).getSum()).toBe(0);
  });

  it('randomize(sparsity, rng) advances the generator: successive calls differ', () => {
    const rng = new Rng(9);
    const a = new SDR(2048).randomize(0.02, rng).clone();
    const b = new SDR(2048).randomize(0.02, rng);
    expect(a.equals(b)).toBe(false);
  });

  it('randomize draws every bit with the same probability', () => {
    const rng = new Rng(11);
    const counts = new Float64Array(50);
    const x = new SDR(50);
    const trials = 4000;
    for (let t = 0; t < trials; t++) for (const i of x.randomize(0.2, rng).sparse) counts[i]++;
    const p = 0.2;
    const sd = Math.sqrt(trials * p * (1 - p));
    for (const c of counts) expect(Math.abs(c - trials * p)).toBeLessThan(4.5 * sd);
  });

  it('randomize throws for sparsity outside [0, 1] or a missing generator', () => {
    const x = new SDR(10);
    expect(() => x.randomize(1.5, 1)).toThrow(/'sparsity' = 1.5/);
    expect(() => x.randomize(-0.1, 1)).toThrow(ParameterError);
    expect(() => x.randomize(Number.NaN, 1)).toThrow(ParameterError);
    expect(() => x.randomize(0.5, undefined as unknown as number)).toThrow(/'rng'/);
  });

  it('addNoise(0.5) on 10 of 103 bits keeps exactly 5 of them (htm.core test)', () => {
    const a = new SDR(103).randomize(0.1, 1);
    const b = a.clone();
    a.addNoise(0.5, 2);
    expect(a.getSum()).toBe(10);
    expect(a.overlap(b)).toBe(5);
  });

  it('addNoise(fraction) keeps the sparsity and overlaps the original in sum − round(fraction·sum) bits', () => {
    const rng = new Rng(5);
    for (const fraction of [0, 0.05, 0.25, 0.5, 0.72, 0.95, 1]) {
      const a = new SDR(2000).randomize(0.2, rng);
      const b = a.clone().addNoise(fraction, rng);
      expect(b.getSum()).toBe(400);
      expect(a.overlap(b)).toBe(400 - Math.round(fraction * 400));
    }
  });

  it('addNoise moves bits to uniformly chosen inactive positions', () => {
    const rng = new Rng(6);
    const base = SDR.fromSparse(40, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const counts = new Float64Array(40);
    const trials = 3000;
    for (let t = 0; t < trials; t++) for (const i of base.clone().addNoise(0.3, rng).sparse) counts[i]++;
    // each old bit survives with p = 7/10; each of the 30 new positions gets 3 of 30
    for (let i = 0; i < 10; i++) expect(Math.abs(counts[i] / trials - 0.7)).toBeLessThan(0.04);
    for (let i = 10; i < 40; i++) expect(Math.abs(counts[i] / trials - 0.1)).toBeLessThan(0.03);
  });

  it('addNoise with the same seed gives the same result; different seeds differ', () => {
    const a = new SDR(103).randomize(0.3, 42).addNoise(0.5, 42);
    const b = new SDR(103).randomize(0.3, 42).addNoise(0.5, 42);
    const c = new SDR(103).randomize(0.3, 42).addNoise(0.5, 43);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('addNoise throws for a fraction outside [0, 1] and for noise that cannot fit', () => {
    const x = new SDR(10).randomize(0.6, 1);
    expect(() => x.addNoise(1.2, 1)).toThrow(/'fraction'/);
    expect(() => x.addNoise(-0.2, 1)).toThrow(ParameterError);
    expect(() => x.addNoise(0.9, 1)).toThrow(/fit into the 4 inactive bits/);
    expect(() => x.addNoise(0.6, 1)).not.toThrow(); // 4 moved bits fit into 4 inactive ones
  });

  it('killCells(fraction, seed) clears round(size·fraction) positions; same seed, same cells', () => {
    const full = () => new SDR(100).setDense(new Array(100).fill(1));
    const a = full().killCells(0.25, 3);
    expect(a.getSum()).toBe(75);
    expect(full().killCells(0.25, 3).equals(a)).toBe(true);
    expect(full().killCells(0.25, 4).equals(a)).toBe(false);
    const sparse = new SDR(100).randomize(0.1, 1);
    const killed = sparse.clone().killCells(0.5, 3);
    // killed cells are the same whatever the value: the survivors are the active bits not in the killed set
    const dead = new Set(list(full().killCells(0.5, 3).dense.map((v, i) => (v ? -1 : i))).filter((i) => i >= 0));
    expect(list(killed.sparse)).toEqual(list(sparse.sparse).filter((i) => !dead.has(i)));
  });

  it('killCells throws for a fraction outside [0, 1]', () => {
    expect(() => new SDR(10).killCells(2, 1)).toThrow(/'fraction' = 2/);
  });
});

describe('SDR set operations', () => {
  const A = () => SDR.fromSparse(10, [0, 1, 2, 3]);
  const B = () => SDR.fromSparse(10, [2, 3, 4, 5]);

  it('intersection(a, b) keeps the bits active in both (htm.core example)', () => {
    expect(list(new SDR(10).intersection(A(), B()).sparse)).toEqual([2, 3]);
    expect(list(new SDR(10).intersection([A(), B(), SDR.fromSparse(10, [3, 9])]).sparse)).toEqual([3]);
  });

  it('intersection works in place (this SDR among the inputs)', () => {
    const a = new SDR(1000).randomize(1, 1);
    const b = new SDR(1000).randomize(0.5, 2);
    a.intersection(a, b);
    expect(a.getSparsity()).toBe(0.5);
    const c = new SDR(1000).randomize(1, 1);
    c.intersection(b, c);
    expect(c.equals(b)).toBe(true);
  });

  it('union(a, b) keeps the bits active in any input (htm.core example)', () => {
    expect(list(new SDR(10).union(A(), B()).sparse)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('union of many SDRs matches a dense OR on both internal paths', () => {
    const rng = new Rng(8);
    for (const [count, sparsity] of [
      [3, 0.01],
      [100, 0.02],
    ] as const) {
      const inputs = Array.from({ length: count }, () => new SDR(2048).randomize(sparsity, rng));
      const expected = new Uint8Array(2048);
      for (const x of inputs) for (const i of x.sparse) expected[i] = 1;
      const u = new SDR(2048).union(inputs);
      expect(list(u.dense)).toEqual(list(expected));
    }
    const a = A();
    a.union(a, B());
    expect(list(a.sparse)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('intersection and union throw for fewer than two inputs or mismatched dimensions', () => {
    expect(() => new SDR(10).union(A())).toThrow(/at least two SDRs/);
    expect(() => new SDR(10).intersection([A()])).toThrow(/at least two SDRs/);
    expect(() => new SDR(10).union(A(), new SDR(11))).toThrow(/'inputs\[1\].dimensions'/);
    expect(() => new SDR(11).intersection(A(), B())).toThrow(ParameterError);
    expect(() => new SDR(10).union(A(), 3 as unknown as SDR)).toThrow(/'inputs\[1\]'/);
  });

  it('concatenate(a, b) stacks along axis 0 (htm.core example)', () => {
    const a = SDR.fromSparse(10, [0, 1, 2]);
    const b = SDR.fromSparse(10, [0, 1, 2]);
    expect(list(new SDR(20).concatenate(a, b).sparse)).toEqual([0, 1, 2, 10, 11, 12]);
  });

  it('concatenate(inputs, axis) works along an inner axis', () => {
    const c = SDR.fromSparse([3, 3], [0, 4, 8]); // diagonal
    const d = SDR.fromSparse([3, 4], [3, 4, 11]); // (0,3) (1,0) (2,3)
    const cd = new SDR([3, 7]).concatenate([c, d], 1);
    expect(cd.coordinates.map(list)).toEqual([
      [0, 0, 1, 1, 2, 2],
      [0, 6, 1, 3, 2, 6],
    ]);
    const rows = new SDR([6, 3]).concatenate([c, c.clone()], 0);
    expect(list(rows.sparse)).toEqual([0, 4, 8, 9, 13, 17]);
  });

  it('concatenate throws for bad axes, dimension counts and sizes (htm.core error cases)', () => {
    const A1 = new SDR(100);
    const B2 = new SDR([100, 2]);
    const AB = new SDR(300);
    const C = new SDR([3, 3]);
    const D = new SDR([3, 4]);
    const CD = new SDR([3, 7]);
    expect(() => AB.concatenate([A1])).toThrow(/at least two SDRs/);
    expect(() => AB.concatenate(A1, B2)).toThrow(/1 dimensions/);
    expect(() => AB.concatenate(B2, C)).toThrow(ParameterError);
    expect(() => CD.concatenate(C, D)).toThrow(/except on axis 0/);
    expect(() => CD.concatenate(C, D, 2)).toThrow(/'axis'/);
    expect(() => CD.concatenate(C, D, -1)).toThrow(/'axis'/);
    expect(() => new SDR([3, 8]).concatenate(C, D, 1)).toThrow(/add up to the output's 8/);
    expect(() => CD.concatenate(C, D, 1)).not.toThrow();
  });
});

describe('SDR callbacks', () => {
  it('addCallback(fn) is called after every change of the value and removeCallback stops it', () => {
    const x = new SDR(100);
    const sums: number[] = [];
    const h = x.addCallback((s) => sums.push(s.getSum()));
    x.setSparse([1, 2]);
    x.randomize(0.1, 1);
    x.addNoise(0.5, 1);
    x.killCells(1, 1);
    x.union(SDR.fromSparse(100, [3]), SDR.fromSparse(100, [4]));
    x.reshape([10, 10]); // value unchanged: no call
    x.zero();
    expect(sums).toEqual([2, 10, 10, 0, 2, 0]);
    x.removeCallback(h);
    x.setSparse([1]);
    expect(sums.length).toBe(6);
  });

  it('removeCallback throws for an unknown or already removed handle', () => {
    const x = new SDR(10);
    const h = x.addCallback(() => undefined);
    x.removeCallback(h);
    expect(() => x.removeCallback(h)).toThrow(/'handle'/);
    expect(() => x.removeCallback(7)).toThrow(ParameterError);
    expect(() => x.addCallback(3 as unknown as () => void)).toThrow(/'callback'/);
  });
});
