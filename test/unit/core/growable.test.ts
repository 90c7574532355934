import { describe, expect, it } from 'vitest';
import {
  GrowableFloat32Array,
  GrowableFloat64Array,
  GrowableInt32Array,
  GrowableUint32Array,
} from '../../../src/core/growable.js';

describe('GrowableUint32Array', () => {
  it('growable.push(value) keeps every value in order across many doublings', () => {
    const g = new GrowableUint32Array(16);
    for (let i = 0; i < 10_000; i++) g.push(i * 3);
    expect(g.length).toBe(10_000);
    const v = g.view();
    expect(v.length).toBe(10_000);
    for (let i = 0; i < 10_000; i++) if (v[i] !== i * 3) throw new Error(`entry ${i} is ${v[i]}`);
    // Capacity grows by doubling from 16: the smallest power-of-two multiple of 16 >= 10000.
    expect(g.buffer.length).toBe(16384);
  });

  it('new GrowableUint32Array(capacity) never starts below 16 entries', () => {
    expect(new GrowableUint32Array(0).buffer.length).toBe(16);
    expect(new GrowableUint32Array(1000).buffer.length).toBe(1000);
  });

  it('growable.reserve(extra) makes room once, so hot loops can write through buffer', () => {
    const g = new GrowableUint32Array(16);
    g.push(7);
    g.reserve(100);
    const buf = g.buffer;
    expect(buf.length).toBeGreaterThanOrEqual(101);
    for (let i = 0; i < 100; i++) g.push(i);
    expect(g.buffer).toBe(buf); // no further reallocation
    expect(g.view()[0]).toBe(7);
    expect(g.view()[100]).toBe(99);
  });

  it('growable.reserve(extra) within capacity does not reallocate', () => {
    const g = new GrowableUint32Array(32);
    const buf = g.buffer;
    g.reserve(32);
    expect(g.buffer).toBe(buf);
    g.reserve(33);
    expect(g.buffer).not.toBe(buf);
    expect(g.buffer.length).toBe(64);
  });

  it('growable.view() shares memory while growable.toArray() is an exact-size copy', () => {
    const g = new GrowableUint32Array(16);
    g.push(1);
    g.push(2);
    const view = g.view();
    const copy = g.toArray();
    expect(Array.from(copy)).toEqual([1, 2]);
    expect(copy.buffer.byteLength).toBe(8);
    g.buffer[0] = 99;
    expect(view[0]).toBe(99);
    expect(copy[0]).toBe(1);
  });

  it('growable.clear() empties it and keeps the capacity', () => {
    const g = new GrowableUint32Array(16);
    for (let i = 0; i < 40; i++) g.push(i);
    const cap = g.buffer.length;
    g.clear();
    expect(g.length).toBe(0);
    expect(g.view().length).toBe(0);
    expect(g.buffer.length).toBe(cap);
    g.push(5);
    expect(Array.from(g.toArray())).toEqual([5]);
  });
});

describe('GrowableInt32Array, GrowableFloat32Array, GrowableFloat64Array', () => {
  it('GrowableInt32Array keeps negative values', () => {
    const g = new GrowableInt32Array();
    g.push(-5);
    g.push(2 ** 31 - 1);
    expect(Array.from(g.toArray())).toEqual([-5, 2 ** 31 - 1]);
    expect(g.toArray()).toBeInstanceOf(Int32Array);
  });

  it('GrowableFloat32Array rounds to single precision; GrowableFloat64Array does not', () => {
    const f = new GrowableFloat32Array();
    const d = new GrowableFloat64Array();
    f.push(0.1);
    d.push(0.1);
    expect(f.view()[0]).toBe(Math.fround(0.1));
    expect(d.view()[0]).toBe(0.1);
    expect(f.toArray()).toBeInstanceOf(Float32Array);
    expect(d.toArray()).toBeInstanceOf(Float64Array);
  });
});
