/**
 * `engram ca3-cam replay`: replays a recording, writes the simulated raster, prints the
 * differing cells per experiment and exits 1 when any differ.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../fixtures/cliHarness.js';

const FIXTURE = new URL('../../fixtures/ca3-cam/recording-1.json', import.meta.url);
const NAME = '1_learn_recall_by_cue_and_cont_forget';
let cwd: string;
beforeEach(() => {
  cwd = tempDir('engram-ca3cam-');
  copyFileSync(FIXTURE, join(cwd, 'rec.json'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('engram ca3-cam replay', () => {
  it("main(['ca3-cam', 'replay', rec, '--out', raster]) writes every recorded population and reports 0 differing cells", async () => {
    const run = await runCli(['ca3-cam', 'replay', 'rec.json', '--out', 'raster.json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${NAME}: 0 differing cells`);
    const out = JSON.parse(readFileSync(join(cwd, 'raster.json'), 'utf8'));
    const rec = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    expect(out.experiments[NAME]).toEqual(rec.experiments[NAME]);
    expect(out.experiments[NAME].spikes_by_tick['5']).toHaveProperty('OUTcue');
  });

  it("main(['ca3-cam', 'replay', ...]) on a recording with one spike changed prints 1 differing cell and exits 1", async () => {
    const rec = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    rec.experiments[NAME].spikes_by_tick['7'].OUTcont = [0, 1, 8];
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify(rec));
    const run = await runCli(['ca3-cam', 'replay', 'bad.json', '--experiment', NAME, '--out', 'raster.json'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${NAME}: 1 differing cells`);
    expect(run.stdout).toContain('t=7 OUTcont');
  });

  it("main(['ca3-cam', ...]) with a bad command line or file exits 2 and names the problem", async () => {
    writeFileSync(join(cwd, 'junk.json'), '{ not json');
    const cases: Array<[string[], RegExp]> = [
      [['ca3-cam'], /missing subcommand/],
      [['ca3-cam', 'play'], /unknown subcommand 'play'/],
      [['ca3-cam', 'replay', 'rec.json'], /--out/],
      [['ca3-cam', 'replay', 'missing.json', '--out', 'r.json'], /cannot read/],
      [['ca3-cam', 'replay', 'junk.json', '--out', 'r.json'], /not JSON/],
      [['ca3-cam', 'replay', 'rec.json', '--experiment', 'x', '--out', 'r.json'], /experiment/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
