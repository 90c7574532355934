/**
 * pfister2006-triplet --quick (1-50 Hz): every row of the table through the network,
 * against theory.md 4.4 and the direct sum of each rule, and the frequency dependence
 * that separates the triplet rule from the pair rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { THEORY_ROWS, directSum, meta, run, type TripletRow } from '../../experiments/pfister2006-triplet.js';
import { buildFigure } from '../../src/figures/registry.js';
import type { ExperimentOutput } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { SpikePairRule } from '../../src/index.js';
import { quickParams, testContext } from '../fixtures/experimentContext.js';

describe('experiment pfister2006-triplet (quick)', () => {
  let out: ExperimentOutput;
  let table: TripletRow[];
  const dw = (set: string, rate: number, dt: number) => table.find((r) => r.set === set && r.rateHz === rate && r.dtMs === dt)!.dw;
  beforeAll(async () => {
    out = await run(quickParams(meta), testContext(1).ctx);
    table = out.series.table as TripletRow[];
  });

  it('run(quick) gives rows {rule, set, rateHz, dtMs, dw} for 10 rules x 5 rates x 2 dt, all within tolerance', () => {
    expect(table).toHaveLength(100);
    expect(Object.keys(table[0]).sort()).toEqual(['dtMs', 'dw', 'rateHz', 'rule', 'set']);
    expect(out.metrics.comparisons_failed).toBe(0);
    expect((out.comparisons ?? []).every((c) => c.pass)).toBe(true);
  });

  it('run(quick) reproduces every theory.md 4.4 row at >= 1 Hz to relative 1e-5', () => {
    let checked = 0;
    for (const [set, rate, plus, minus] of THEORY_ROWS) {
      if (rate < 1) continue;
      expect(Math.abs(dw(set, rate, 10) - plus) / Math.abs(plus), `${set} ${rate} +10`).toBeLessThan(1e-5);
      expect(Math.abs(dw(set, rate, -10) - minus) / Math.abs(minus), `${set} ${rate} -10`).toBeLessThan(1e-5);
      checked += 2;
    }
    expect(checked).toBe(34);
  });

  it('run(quick) shows the triplet frequency dependence the pair rule lacks (Sjostrom 2001 as fitted by P&G 2006)', () => {
    for (const set of ['visualCortexAllToAll', 'visualCortexAllToAllMinimal', 'visualCortexNearest']) {
      expect(dw(set, 1, 10), set).toBeLessThan(1e-3); // essentially no LTP at low frequency
      expect(dw(set, 20, 10), set).toBeGreaterThan(0.1); // LTP at 20 Hz
      expect(dw(set, 1, -10), set).toBeLessThan(-0.1); // LTD for post before pre at 1 Hz
      expect(dw(set, 50, -10), set).toBeGreaterThan(0); // turned into LTP at 50 Hz
    }
    expect(dw('pairAllToAll', 1, 10)).toBeGreaterThan(0.15);
    expect(dw('pairAllToAll', 50, 10)).toBeLessThan(0);
    expect(dw('pairAllToAll', 50, -10)).toBeLessThan(0);
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    for (const f of back.figures) expect(buildFigure(f, back.series).data).toHaveLength(7);
    expect(toExperiment({ meta, run }, 'experiments/pfister2006-triplet.ts').meta.name).toBe('pfister2006-triplet');
  });

  it('directSum(spec, pre, post) gives A+ exp(-dt/tau+) for one pair', () => {
    const r = new SpikePairRule({ aPlus: 0.005, tauPlus: 20 });
    expect(directSum(r.traces, [0], [10])).toBeCloseTo(0.005 * Math.exp(-0.5), 15);
  });
});
