import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import type { ParameterSpec } from '../../../src/io/experiment.js';
import { checkParameterValue, describeAllowed, parseParameterText, resolveParameters } from '../../../src/io/parameters.js';
import { sampleMeta } from '../../fixtures/sampleResult.js';

const tauM: ParameterSpec = { type: 'number', default: 20, min: 1, max: 100, unit: 'ms', description: '' };
const n: ParameterSpec = { type: 'integer', default: 10, min: 1, description: '' };
const rule: ParameterSpec = { type: 'string', default: 'stdp', choices: ['stdp', 'hebb'], description: '' };
const flag: ParameterSpec = { type: 'boolean', default: false, description: '' };

describe('describeAllowed', () => {
  it('describeAllowed(spec) states type, range, unit or choices', () => {
    expect(describeAllowed(tauM)).toBe('a number in [1, 100] (ms)');
    expect(describeAllowed(n)).toBe('an integer >= 1');
    expect(describeAllowed({ type: 'number', default: 0, max: 5, description: '' })).toBe('a number <= 5');
    expect(describeAllowed({ type: 'number', default: 0, description: '' })).toBe('a finite number');
    expect(describeAllowed(rule)).toBe("one of 'stdp', 'hebb'");
    expect(describeAllowed({ type: 'string', default: '', description: '' })).toBe('a string');
    expect(describeAllowed(flag)).toBe('true or false');
  });
});

describe('checkParameterValue', () => {
  it('checkParameterValue(name, spec, value) returns values that fit', () => {
    expect(checkParameterValue('tauM', tauM, 1)).toBe(1);
    expect(checkParameterValue('n', n, 3)).toBe(3);
    expect(checkParameterValue('rule', rule, 'hebb')).toBe('hebb');
    expect(checkParameterValue('flag', flag, false)).toBe(false);
  });

  it('checkParameterValue() throws a ParameterError naming the parameter, value and allowed range', () => {
    expect(() => checkParameterValue('tauM', tauM, 0, 'cuba')).toThrow(
      "cuba: parameter 'tauM' = 0 is invalid; allowed: a number in [1, 100] (ms)",
    );
    expect(() => checkParameterValue('tauM', tauM, NaN)).toThrow(ParameterError);
    expect(() => checkParameterValue('n', n, 2.5)).toThrow(/an integer >= 1/);
    expect(() => checkParameterValue('rule', rule, 'oja')).toThrow(/one of 'stdp', 'hebb'/);
    expect(() => checkParameterValue('flag', flag, 'yes')).toThrow(/true or false/);
    expect(() => checkParameterValue('tauM', tauM, '20')).toThrow(ParameterError);
  });
});

describe('parseParameterText', () => {
  it('parseParameterText() reads numbers, negative numbers and exponents', () => {
    const v: ParameterSpec = { type: 'number', default: -65, unit: 'mV', description: '' };
    expect(parseParameterText('vRest', v, '-65')).toBe(-65);
    expect(parseParameterText('vRest', v, ' 1e1 ')).toBe(10);
    expect(parseParameterText('n', n, '40')).toBe(40);
  });

  it('parseParameterText() rejects text that is not a number in range', () => {
    expect(() => parseParameterText('tauM', tauM, 'abc', 'x')).toThrow(`x: parameter 'tauM' = "abc" is invalid; allowed: a number in [1, 100] (ms)`);
    expect(() => parseParameterText('tauM', tauM, '')).toThrow(ParameterError);
    expect(() => parseParameterText('tauM', tauM, 'Infinity')).toThrow(ParameterError);
    expect(() => parseParameterText('tauM', tauM, '500')).toThrow(/= 500 is invalid/);
    expect(() => parseParameterText('n', n, '2.5')).toThrow(/an integer/);
  });

  it('parseParameterText() reads booleans as true/false, yes/no, on/off, 1/0', () => {
    expect(parseParameterText('flag', flag, 'TRUE')).toBe(true);
    expect(parseParameterText('flag', flag, 'no')).toBe(false);
    expect(parseParameterText('flag', flag, '1')).toBe(true);
    expect(() => parseParameterText('flag', flag, 'maybe')).toThrow(/true or false/);
  });

  it('parseParameterText() checks string choices', () => {
    expect(parseParameterText('rule', rule, 'hebb')).toBe('hebb');
    expect(() => parseParameterText('rule', rule, 'HEBB')).toThrow(/one of 'stdp', 'hebb'/);
  });
});

describe('resolveParameters', () => {
  it('resolveParameters(meta) gives the defaults', () => {
    expect(resolveParameters(sampleMeta)).toEqual({ tauM: 20, n: 100, rule: 'stdp', plastic: true });
  });

  it('resolveParameters(meta, {}, { quick: true }) uses quick values where given', () => {
    expect(resolveParameters(sampleMeta, {}, { quick: true })).toEqual({ tauM: 10, n: 100, rule: 'stdp', plastic: true });
  });

  it('resolveParameters(meta, overrides) puts overrides above quick values and defaults', () => {
    expect(resolveParameters(sampleMeta, { tauM: 30, rule: 'hebb' }, { quick: true })).toEqual({
      tauM: 30,
      n: 100,
      rule: 'hebb',
      plastic: true,
    });
  });

  it('resolveParameters() rejects an unknown parameter, listing the known ones', () => {
    expect(() => resolveParameters(sampleMeta, { tau: 3 })).toThrow(
      "sample: parameter 'tau' = 3 is invalid; allowed: a parameter of sample: tauM, n, rule, plastic. 'tau' is not one of its parameters",
    );
  });

  it('resolveParameters() rejects a bad override value', () => {
    expect(() => resolveParameters(sampleMeta, { n: 0 })).toThrow(/parameter 'n' = 0 is invalid/);
  });
});
