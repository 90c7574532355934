/**
 * The Fehlberg 4(5) tableau and GSL's step-size rule.
 */
import { describe, expect, it } from 'vitest';
import { RKF45 as K, nextStepSize } from '../../../src/neurons/rkf45.js';

/** One Fehlberg step of y' = f(t, y): [5th-order solution, error estimate]. */
function fehlberg(f: (t: number, y: number) => number, t: number, y: number, h: number): [number, number] {
  const k1 = f(t, y);
  const k2 = f(t + K.A2 * h, y + h * K.B21 * k1);
  const k3 = f(t + K.A3 * h, y + h * (K.B31 * k1 + K.B32 * k2));
  const k4 = f(t + K.A4 * h, y + h * (K.B41 * k1 + K.B42 * k2 + K.B43 * k3));
  const k5 = f(t + h, y + h * (K.B51 * k1 + K.B52 * k2 + K.B53 * k3 + K.B54 * k4));
  const k6 = f(t + K.A6 * h, y + h * (K.B61 * k1 + K.B62 * k2 + K.B63 * k3 + K.B64 * k4 + K.B65 * k5));
  return [
    y + h * (K.C1 * k1 + K.C3 * k3 + K.C4 * k4 + K.C5 * k5 + K.C6 * k6),
    h * (K.E1 * k1 + K.E3 * k3 + K.E4 * k4 + K.E5 * k5 + K.E6 * k6),
  ];
}

describe('rkf45', () => {
  it('the Fehlberg tableau is consistent: each row of B sums to its node, C sums to 1, E to 0', () => {
    expect(K.B21).toBeCloseTo(K.A2, 15);
    expect(K.B31 + K.B32).toBeCloseTo(K.A3, 15);
    expect(K.B41 + K.B42 + K.B43).toBeCloseTo(K.A4, 14);
    expect(K.B51 + K.B52 + K.B53 + K.B54).toBeCloseTo(1, 14);
    expect(K.B61 + K.B62 + K.B63 + K.B64 + K.B65).toBeCloseTo(K.A6, 14);
    expect(K.C1 + K.C3 + K.C4 + K.C5 + K.C6).toBeCloseTo(1, 15);
    expect(K.E1 + K.E3 + K.E4 + K.E5 + K.E6).toBeCloseTo(0, 15);
  });

  it('a Fehlberg step of y\' = -y has a 5th-order error and a 4th-order error estimate', () => {
    const errors = [0.2, 0.1].map((h) => {
      const [y, est] = fehlberg((_t, y) => -y, 0, 1, h);
      return { err: Math.abs(y - Math.exp(-h)), est: Math.abs(est) };
    });
    // halving h divides the local error of the 5th-order solution by about 2^6 ...
    expect(errors[0].err / errors[1].err).toBeGreaterThan(50);
    // ... and the estimate (the 4th-order solution's error) by about 2^5
    expect(errors[0].est / errors[1].est).toBeGreaterThan(28);
    expect(errors[0].est / errors[1].est).toBeLessThan(36);
    expect(errors[1].err).toBeLessThan(errors[1].est);
  });

  it('a Fehlberg step of y\' = t^4 is exact (the 5th-order solution integrates quartics)', () => {
    const [y] = fehlberg((t) => t ** 4, 0, 0, 1);
    expect(y).toBeCloseTo(0.2, 14);
  });

  it('nextStepSize(h, rmax) shrinks rejected steps by 0.9 rmax^(-1/5) (at most 5x), grows good ones by 0.9 rmax^(-1/6) (at most 5x), else keeps h', () => {
    expect(nextStepSize(1, 2)).toBeCloseTo(0.9 / 2 ** 0.2, 15);
    expect(nextStepSize(1, 1e6)).toBe(0.2);
    expect(nextStepSize(1, 0.8)).toBe(1);
    expect(nextStepSize(1, 1.1)).toBe(1);
    expect(nextStepSize(1, 0.4)).toBeCloseTo(Math.max(1, 0.9 / 0.4 ** (1 / 6)), 15);
    expect(nextStepSize(1, 0)).toBe(5);
  });
});
