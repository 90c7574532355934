import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import {
  erf,
  erfc,
  HOPFIELD_CRITICAL_LOAD,
  hopfieldBitErrorProbability,
  hopfieldRetrievalOverlap,
} from '../../../src/memory/hopfieldTheory.js';

describe('Hopfield theory (theory.md 3.1)', () => {
  it('erf(x) and erfc(x) match reference values', () => {
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(0.3)).toBeCloseTo(0.3286267594591274, 14);
    expect(erf(-2)).toBeCloseTo(-0.9953222650189527, 14);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 11);
    expect(erf(2.5) + erfc(2.5)).toBeCloseTo(1, 15);
  });

  it('HOPFIELD_CRITICAL_LOAD is 0.13790557', () => {
    expect(HOPFIELD_CRITICAL_LOAD).toBeCloseTo(0.13790557, 7);
    expect(hopfieldRetrievalOverlap(HOPFIELD_CRITICAL_LOAD)).toBeCloseTo(0.96742, 3);
  });

  it('hopfieldRetrievalOverlap(alpha) gives the RS overlaps of theory.md 3.1', () => {
    const table: [number, number][] = [
      [0.05, 0.999992],
      [0.08, 0.999557],
      [0.1, 0.997999],
      [0.12, 0.993223],
      [0.13, 0.987212],
    ];
    for (const [a, m] of table) expect(hopfieldRetrievalOverlap(a)).toBeCloseTo(m, 6);
    expect(hopfieldRetrievalOverlap(0)).toBe(1);
    expect(hopfieldRetrievalOverlap(0.15)).toBeNaN();
  });

  it('hopfieldBitErrorProbability(alpha) gives the crosstalk table of theory.md 3.1', () => {
    const table: [number, number][] = [
      [0.105, 0.001014],
      [0.138, 0.003552],
      [0.185, 0.01004],
      [0.37, 0.05009],
      [0.61, 0.1002],
    ];
    for (const [a, p] of table) expect(hopfieldBitErrorProbability(a) / p).toBeCloseTo(1, 3);
  });

  it('the Hopfield theory functions throw a ParameterError for bad loads', () => {
    expect(() => hopfieldRetrievalOverlap(-0.1)).toThrow(ParameterError);
    expect(() => hopfieldBitErrorProbability(0)).toThrow(ParameterError);
    expect(() => hopfieldRetrievalOverlap(NaN)).toThrow(ParameterError);
  });
});
