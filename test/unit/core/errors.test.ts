import { describe, expect, it } from 'vitest';
import { EngramError, ParameterError, StateError, describeValue } from '../../../src/core/errors.js';

describe('new ParameterError(parameter, value, allowed, context, hint)', () => {
  it('new ParameterError("tauM", -1, ...) names the parameter, the value and what is allowed in its message', () => {
    const e = new ParameterError('tauM', -1, 'a finite number > 0 (ms)', 'IFCurrExp');
    expect(e.message).toBe("IFCurrExp: parameter 'tauM' = -1 is invalid; allowed: a finite number > 0 (ms)");
    expect(e.parameter).toBe('tauM');
    expect(e.value).toBe(-1);
    expect(e.allowed).toBe('a finite number > 0 (ms)');
    expect(e.hint).toBeUndefined();
  });

  it('new ParameterError(..., hint) appends the hint, and works without a context', () => {
    const e = new ParameterError('k', 12, 'an integer <= 10', undefined, 'lower k or enlarge the population');
    expect(e.message).toBe("parameter 'k' = 12 is invalid; allowed: an integer <= 10. lower k or enlarge the population");
    expect(e.hint).toBe('lower k or enlarge the population');
  });

  it('a ParameterError is an EngramError and an Error with name "ParameterError" and a stack', () => {
    const e = new ParameterError('p', 2, 'a number in [0, 1]');
    expect(e).toBeInstanceOf(ParameterError);
    expect(e).toBeInstanceOf(EngramError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ParameterError');
    expect(typeof e.stack).toBe('string');
  });

  it('new ParameterError("dt", NaN, ...) shows NaN and keeps the value itself', () => {
    const e = new ParameterError('dt', NaN, 'a finite number > 0');
    expect(e.message).toContain("'dt' = NaN");
    expect(e.value).toBeNaN();
  });

  it('new StateError(message) is an EngramError named "StateError"', () => {
    const e = new StateError('cannot add a population after run()');
    expect(e).toBeInstanceOf(EngramError);
    expect(e.name).toBe('StateError');
    expect(e.message).toBe('cannot add a population after run()');
  });
});

describe('describeValue(value)', () => {
  it('describeValue shows numbers, NaN, strings, null, undefined and bigints as written', () => {
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(-Infinity)).toBe('-Infinity');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(10n)).toBe('10n');
  });

  it('describeValue abbreviates arrays and typed arrays after 4 items with the total count', () => {
    expect(describeValue([1, 2, 3])).toBe('[1, 2, 3]');
    expect(describeValue([1, 2, 3, 4, 5, 6])).toBe('[1, 2, 3, 4, ... (6 items)]');
    expect(describeValue(new Float32Array([0.5, 1]))).toBe('[0.5, 1]');
    expect(describeValue([NaN, 'a'])).toBe('[NaN, "a"]');
  });

  it('describeValue names functions and shortens long objects to 80 characters', () => {
    function tauM() {}
    expect(describeValue(tauM)).toBe('function tauM');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    const long = describeValue({ key: 'x'.repeat(200) });
    expect(long.length).toBe(80);
    expect(long.endsWith('...')).toBe(true);
  });

  it('describeValue survives a circular object', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(describeValue(o)).toBe('[object Object]');
  });
});
