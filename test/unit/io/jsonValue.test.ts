import { describe, expect, it } from 'vitest';
import { EngramError } from '../../../src/core/errors.js';
import { formatJson, shortestFloat32, toJsonValue, type JsonValue } from '../../../src/io/jsonValue.js';

describe('toJsonValue', () => {
  it('toJsonValue(Float32Array) writes each float32 with the fewest digits that read back', () => {
    expect(toJsonValue(new Float32Array([0.1, 1.5, -65.2]), 'x')).toEqual([0.1, 1.5, -65.2]);
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    const tricky = Math.fround(1 / 3);
    expect(Math.fround(shortestFloat32(tricky))).toBe(tricky);
  });

  it('toJsonValue(typed arrays, nested arrays, objects) gives plain arrays and objects', () => {
    expect(
      toJsonValue({ ids: new Uint32Array([1, 2]), v: [new Float64Array([0.25]), [1, 2]], name: 'a', ok: true, none: null }, 's'),
    ).toEqual({ ids: [1, 2], v: [[0.25], [1, 2]], name: 'a', ok: true, none: null });
  });

  it('toJsonValue() stores numbers that are not finite as null', () => {
    expect(toJsonValue([NaN, Infinity, -Infinity, 1], 's')).toEqual([null, null, null, 1]);
    expect(toJsonValue(new Float32Array([NaN]), 's')).toEqual([null]);
  });

  it('toJsonValue() drops undefined object fields', () => {
    expect(toJsonValue({ a: 1, b: undefined }, 's')).toEqual({ a: 1 });
  });

  it('toJsonValue() rejects what JSON cannot hold, naming where it is', () => {
    expect(() => toJsonValue({ f: () => 1 }, 'series')).toThrow(/series\.f is a function/);
    expect(() => toJsonValue([1, 2n], 'series.x')).toThrow(/series\.x\[1\] is a bigint/);
    expect(() => toJsonValue({ d: new Date(0) }, 'series')).toThrow(/series\.d is a Date instance/);
    expect(() => toJsonValue({ m: new Map() }, 'series')).toThrow(EngramError);
    expect(() => toJsonValue(new BigInt64Array(1), 'series.b')).toThrow(/BigInt64Array/);
    expect(() => toJsonValue([undefined], 'series.u')).toThrow(/series\.u\[0\] is undefined/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toJsonValue(cycle, 'series')).toThrow(/cycle/);
  });

  it('toJsonValue() accepts the same array twice when it is not a cycle', () => {
    const shared = [1, 2];
    expect(toJsonValue({ a: shared, b: shared }, 's')).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe('formatJson', () => {
  const value: JsonValue = {
    a: 1,
    nested: { list: [1, 2, 3], deep: { x: { y: 1 } } },
    objects: [{ k: 1 }, { k: 2 }],
    empty: {},
    text: 'line "quoted"',
  };

  it('formatJson(value) parses back to the same value', () => {
    expect(JSON.parse(formatJson(value, 2))).toEqual(value);
    expect(JSON.parse(formatJson(value, 0))).toEqual(value);
    expect(JSON.parse(formatJson([1, 2], 3))).toEqual([1, 2]);
  });

  it('formatJson(value, 2) puts top-level fields on their own lines and number arrays on one line', () => {
    const text = formatJson(value, 2);
    expect(text).toContain('\n  "a": 1,\n');
    expect(text).toContain('"list": [1,2,3]');
    expect(text).toContain('\n    {"k":1},\n');
    expect(text).toContain('"deep": {"x":{"y":1}}');
  });
});
