/**
 * The CUBA experiment through the `engram` command: files, schema, figures, errors,
 * determinism and interruption.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { experimentRegistry } from '../../../experiments/index.js';
import { parseResultFile } from '../../../src/io/parseResultFile.js';
import { buildFigure } from '../../../src/figures/registry.js';
import { runCli, tempDir } from '../../fixtures/cliHarness.js';

const dirs: string[] = [];
function scratch(): string {
  const d = tempDir('engram-cuba-');
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('engram run vogels2005-cuba', () => {
  it('run vogels2005-cuba --quick writes a complete result and a report', async () => {
    const cwd = scratch();
    const r = await runCli(['run', 'vogels2005-cuba', '--quick', '--out', 'o'], { cwd, experiments: experimentRegistry });
    expect(r.code, r.stderr).toBe(0);
    const result = parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8'));
    expect(result).toMatchObject({ status: 'complete', quick: true, backend: 'cpu', experiment: { name: 'vogels2005-cuba' } });
    expect(result.parameters.duration).toBe(200);
    expect(existsSync(join(cwd, 'o', 'report.html'))).toBe(true);
    expect(result.figures.map((f) => f.kind)).toEqual(['raster', 'membrane', 'histogram']);
    for (const f of result.figures) expect(() => buildFigure(f, result.series)).not.toThrow();
    // 200 ms of the balanced network: the rate is near Brian2's 5.6 Hz (short runs vary more).
    expect(result.metrics.rate_hz).toBeGreaterThan(3);
    expect(result.metrics.rate_hz).toBeLessThan(9);
    expect(result.metrics.synapses).toBeGreaterThan(300_000);
    expect(result.metrics.bytes_per_synapse).toBeLessThanOrEqual(10);
  });

  it('run vogels2005-cuba --json prints exactly the result file', async () => {
    const cwd = scratch();
    const r = await runCli(['run', 'vogels2005-cuba', '--quick', '--json', '--out', 'o'], { cwd, experiments: experimentRegistry });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(readFileSync(join(cwd, 'o', 'result.json'), 'utf8').trim());
  });

  it('run vogels2005-cuba --n 0 and --bogus 1 exit 2 and write nothing', async () => {
    const cwd = scratch();
    const bad = await runCli(['run', 'vogels2005-cuba', '--n', '0'], { cwd, experiments: experimentRegistry });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/'?n'?/);
    expect(bad.stderr).toContain('100');
    const unknown = await runCli(['run', 'vogels2005-cuba', '--bogus', '1'], { cwd, experiments: experimentRegistry });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('bogus');
    expect(unknown.stderr).toContain('duration');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('run vogels2005-cuba with the same --seed twice gives identical series', async () => {
    const cwd = scratch();
    const args = ['run', 'vogels2005-cuba', '--quick', '--seed', '7', '--n', '1000'];
    expect((await runCli([...args, '--out', 'a'], { cwd, experiments: experimentRegistry })).code).toBe(0);
    expect((await runCli([...args, '--out', 'b'], { cwd, experiments: experimentRegistry })).code).toBe(0);
    const a = parseResultFile(readFileSync(join(cwd, 'a', 'result.json'), 'utf8'));
    const b = parseResultFile(readFileSync(join(cwd, 'b', 'result.json'), 'utf8'));
    expect(a.series).toEqual(b.series);
    expect(a.metrics.spikes).toBe(b.metrics.spikes);
  });

  it('an aborted run vogels2005-cuba exits 130 and writes status interrupted', async () => {
    const cwd = scratch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const r = await runCli(['run', 'vogels2005-cuba', '--duration', '1000000', '--n', '1000', '--out', 'o'], {
      cwd,
      experiments: experimentRegistry,
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
    const result = parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8'));
    expect(result.status).toBe('interrupted');
    expect(result.metrics.simulated_ms).toBeGreaterThan(0);
    expect(result.metrics.simulated_ms).toBeLessThan(1_000_000);
  });
});
