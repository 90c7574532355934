/**
 * The deterministic pairing-protocol oracle of theory.md section 4.4 (60 pairs, pre at
 * j/rho, post at pre + dt, traces from 0, no bounds; total change in units of the A's),
 * and its mean-drift tables (4.3, 4.4), copied digit for digit.
 */

/** [rho (Hz), dw at dt = +10 ms, dw at dt = -10 ms] */
export type PairingRow = readonly [number, number, number];

export const PAIRING_ORACLE: Readonly<Record<'pairAllToAll' | 'pairNearest' | 'visualCortexAllToAll' | 'visualCortexAllToAllMinimal', readonly PairingRow[]>> = {
  pairAllToAll: [
    [0.1, +1.81959e-1, -1.91057e-1],
    [10, +1.79709e-1, -1.89032e-1],
    [20, +1.52336e-1, -1.64404e-1],
    [40, +4.96453e-2, -7.201e-2],
    [50, -9.21569e-3, -1.90507e-2],
  ],
  pairNearest: [
    [0.1, +1.81959e-1, -1.91057e-1],
    [10, +1.78518e-1, -1.8778e-1],
    [20, +1.40039e-1, -1.51133e-1],
    [40, +3.56437e-2, -5.1709e-2],
    [50, -5.91367e-3, -1.21306e-2],
  ],
  visualCortexAllToAll: [
    [0.1, +1.65429e-8, -3.12161e-1],
    [1, +6.77062e-5, -3.12161e-1],
    [10, +1.32053e-1, -3.33623e-1],
    [20, +2.46962e-1, -3.51622e-1],
    [40, +5.33723e-1, +1.54795e-1],
    [50, +7.40906e-1, +7.27247e-1],
  ],
  visualCortexAllToAllMinimal: [
    [0.1, +1.69531e-39, -3.1662e-1],
    [10, +1.18641e-1, -3.32213e-1],
    [20, +2.27795e-1, -3.41735e-1],
    [40, +5.32112e-1, +1.73715e-1],
    [50, +7.62731e-1, +7.49177e-1],
  ],
};

/** SMA 2000 pair parameters of theory.md 4.3. */
export const SMA_PAIR = { aPlus: 0.005, aMinus: 0.00525, tauPlus: 20, tauMinus: 20 } as const;

/** theory.md 4.3: drift (per s) at rhoPre = rhoPost = rho for rho = 1, 5, 10, 20, 40 Hz. */
export const PAIR_DRIFT = {
  rates: [1, 5, 10, 20, 40],
  allToAll: [-5.0e-6, -1.25e-4, -5.0e-4, -2.0e-3, -8.0e-3],
  nearest: [-4.902e-6, -1.1364e-4, -4.1667e-4, -1.4286e-3, -4.4444e-3],
  /** rhoPre = 20, rhoPost = 40 Hz */
  asymmetric: { allToAll: -4.0e-3, nearest: +1.04762e-2 },
} as const;

/** theory.md 4.4: triplet drift (per s) at rhoPre = rhoPost for 1, 5, 10, 20, 40 Hz. */
export const TRIPLET_DRIFT = {
  rates: [1, 5, 10, 20, 40],
  visualCortexAllToAll: [-2.2366e-4, -4.3679e-3, -1.1353e-2, +3.5372e-3, +4.0574e-1],
  visualCortexAllToAllMinimal: [-2.2682e-4, -4.4257e-3, -1.1478e-2, +3.8824e-3, +4.1389e-1],
  visualCortexNearest: [-2.2359e-4, -3.0822e-3, -1.7088e-3, +4.2007e-2, +3.04e-1],
  hippocampalNearest: [-1.5052e-5, +2.9016e-4, +3.2396e-3, +2.1158e-2, +1.0056e-1],
} as const;

/** theory.md 4.4: BCM thresholds (Hz) where the drift changes sign. */
export const TRIPLET_THRESHOLDS = {
  /** visual-cortex minimal: independent of rhoPre */
  visualCortexAllToAllMinimal: 19.2203,
  /** visual-cortex full at rhoPre = 1, 10, 20 Hz, and for rhoPre = rhoPost */
  visualCortexAllToAll: { byPre: [[1, 18.1784], [10, 18.7195], [20, 19.3208]], equal: 19.2774 },
  visualCortexNearest: { byPre: [[1, 7.8904], [10, 10.8135], [20, 12.6774]], equal: 11.0151 },
  hippocampalNearest: { byPre: [[1, 2.6684], [10, 4.3196], [20, 6.1931]], equal: 3.0394 },
} as const;

/** Relative difference |a - b| / |b|. */
export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** Tolerance for a value printed with `digits` significant digits: half a unit in the last place, relative. */
export function printedTolerance(value: number, digits = 6): number {
  const exp = Math.floor(Math.log10(Math.abs(value)));
  return (0.5 * 10 ** (exp - digits + 1)) / Math.abs(value);
}
