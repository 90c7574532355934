import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../../src/cli/suggest.js';

describe('suggest', () => {
  it('editDistance(a, b) counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('tauM', 'taum')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('closestName(name, known) suggests a close or prefix match, else nothing', () => {
    const known = ['vogels2005-cuba', 'ahmad2016-sdr'];
    expect(closestName('vogels2005', known)).toBe('vogels2005-cuba');
    expect(closestName('ahmad2016-sd', known)).toBe('ahmad2016-sdr');
    expect(closestName('hopfield', known)).toBeUndefined();
  });
});
