import { describe, expect, it } from 'vitest';
import { FigureDataError, FigureInput } from '../../../src/figures/figureInput.js';

const series = { a: [1, null, 3], typed: new Float32Array([1, 2]), rows: [[1], [2]], bad: [[1], 'x'], s: ['x', 'y'] };
const input = new FigureInput(
  {
    kind: 'line',
    title: 'T',
    series: { a: 'a', typed: 'typed', rows: 'rows', bad: 'bad', s: 's' },
    options: { n: 3, s: 'x', b: true, list: ['a'], pair: [0, 1], objs: [{ a: 1 }], wrongPair: [1] },
  },
  series,
);

describe('FigureInput', () => {
  it('FigureInput.numbers(role) reads plain and typed numeric series', () => {
    expect(input.numbers('a')).toEqual([1, null, 3]);
    expect(input.numbers('typed')).toBeInstanceOf(Float32Array);
    expect(input.optionalNumbers('missing')).toBeUndefined();
  });

  it('FigureInput.rows(role) reads 2-D series, and a 1-D series as one row', () => {
    expect(input.rows('rows')).toEqual([[1], [2]]);
    expect(input.rows('a')).toEqual([[1, null, 3]]);
    expect(() => input.rows('bad')).toThrow(/row 1 must be an array of numbers/);
  });

  it('FigureInput.strings(role) reads labels', () => {
    expect(input.strings('s')).toEqual(['x', 'y']);
  });

  it('FigureInput option readers return values, undefined when absent, and fail on the wrong type', () => {
    expect(input.number('n')).toBe(3);
    expect(input.number('none')).toBeUndefined();
    expect(input.string('s')).toBe('x');
    expect(input.boolean('b')).toBe(true);
    expect(input.stringList('list')).toEqual(['a']);
    expect(input.pair('pair')).toEqual([0, 1]);
    expect(input.objectList('objs')).toEqual([{ a: 1 }]);
    expect(() => input.pair('wrongPair')).toThrow(FigureDataError);
    expect(() => input.string('n')).toThrow(/option 'n' must be a string, got 3/);
    expect(() => input.boolean('s')).toThrow(/true or false/);
    expect(() => input.stringList('n')).toThrow(/array of strings/);
    expect(() => input.objectList('list')).toThrow(/array of objects/);
  });
});
