/**
 * The `engram` command contract, run in-process against the fixture experiment.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResultFile } from '../../../src/io/parseResultFile.js';
import { runCli, tempDir } from '../../fixtures/cliHarness.js';

let cwd: string;
beforeEach(() => {
  cwd = tempDir('engram-cli-');
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** Asserts that a failed command wrote nothing under cwd. */
function expectNothingWritten(): void {
  expect(readdirSync(cwd)).toEqual([]);
}

describe('main: help, version, unknown commands', () => {
  it("main(['help']) and main(['--help']) print the usage and exit 0", async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const run = await runCli(argv, { cwd });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('engram run <name> [options]');
    }
  });

  it('main([]) prints the usage on stderr and exits 2', async () => {
    const run = await runCli([], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });

  it("main(['--version']) prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runCli(['--version'], { cwd });
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it("main(['lst']) rejects an unknown command in one line, suggesting 'list', exit 2", async () => {
    const run = await runCli(['lst'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("engram: unknown command 'lst'; commands: list, run, bench, ca3-cam, dashboard, help (did you mean 'list'?)\n");
  });

  it("main(['dashboard', '--port', 'x']) rejects the port in one line, exit 2", async () => {
    const run = await runCli(['dashboard', '--port', 'x'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("engram dashboard: --port must be an integer in [0, 65535], got 'x'\n");
  });
});

describe('main: list', () => {
  it("main(['list']) prints every experiment with its description and paper, and the missing one as not available", async () => {
    const run = await runCli(['list'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fixture-demo');
    expect(run.stdout).toContain('Independent Poisson neurons and toy membrane traces');
    expect(run.stdout).toContain('Dayan & Abbott (2001)');
    expect(run.stdout).toMatch(/fixture-missing\s+\(not available: test\/fixtures\/missingExperiment\.ts is missing\)/);
  });

  it("main(['list', '--json']) prints the listing as JSON", async () => {
    const run = await runCli(['list', '--json'], { cwd });
    const listed = JSON.parse(run.stdout) as { name: string; available: boolean; paper?: string }[];
    expect(listed.map((e) => [e.name, e.available])).toEqual([
      ['fixture-demo', true],
      ['fixture-missing', false],
    ]);
  });

  it("main(['list', '--bogus']) rejects the option, exit 2", async () => {
    const run = await runCli(['list', '--bogus'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^engram list: Unknown option '--bogus'/);
  });
});

describe('main: run', () => {
  it("main(['run', name, '--quick']) writes result.json and report.html to results/<name>/<UTC timestamp>/", async () => {
    const now = () => new Date('2025-11-24T20:32:05.500Z');
    const run = await runCli(['run', 'fixture-demo', '--quick'], { cwd, now });
    expect(run.code, run.stderr).toBe(0);
    const dir = join(cwd, 'results', 'fixture-demo', '2025-11-24T20-32-05Z');
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'result.json']);
    const result = parseResultFile(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result).toMatchObject({ status: 'complete', quick: true, seed: 1, experiment: { name: 'fixture-demo' } });
    expect(result.parameters).toMatchObject({ neurons: 30, duration: 200, rate: 20 });
    expect(result.figures.length).toBe(10);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<h1>Demo: Poisson spike trains (test fixture)</h1>');
    expect(run.stdout).toMatch(/^fixture-demo: complete in [\d.]+ s \(seed 1, backend none \(fixture\), quick\)/);
    expect(run.stdout).toContain(`result.json   ${join('results', 'fixture-demo', '2025-11-24T20-32-05Z', 'result.json')}`);
    expect(run.stderr).toContain('fixture-demo: 30 neurons, 200 ms');
  });

  it('main(run) twice in the same second writes a second default directory instead of overwriting', async () => {
    const now = () => new Date('2025-11-24T20:32:05Z');
    await runCli(['run', 'fixture-demo', '--quick'], { cwd, now });
    await runCli(['run', 'fixture-demo', '--quick'], { cwd, now });
    expect(readdirSync(join(cwd, 'results', 'fixture-demo')).sort()).toEqual(['2025-11-24T20-32-05Z', '2025-11-24T20-32-05Z-2']);
  });

  it("main(['run', name, --param value, --seed, --out]) uses the given values", async () => {
    const run = await runCli(
      ['run', 'fixture-demo', '--neurons', '12', '--rate=35', '--mode', 'regular', '--no-plastic', '--seed', '9', '--out', 'o'],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(0);
    const result = parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8'));
    expect(result.seed).toBe(9);
    expect(result.quick).toBe(false);
    expect(result.parameters).toMatchObject({ neurons: 12, rate: 35, mode: 'regular', plastic: false, duration: 1000 });
  });

  it("main(['run', name, '--json']) prints exactly the result JSON on stdout and nothing else", async () => {
    const run = await runCli(['run', 'fixture-demo', '--quick', '--json', '--out', 'o'], { cwd });
    expect(run.code).toBe(0);
    const printed = parseResultFile(run.stdout, 'stdout');
    expect(printed).toEqual(parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8')));
    expect(run.stdout).toBe(readFileSync(join(cwd, 'o', 'result.json'), 'utf8'));
    expect(run.stderr).toBe('');
  });

  it("main(['run', name, '--quiet']) prints the summary but no log lines", async () => {
    const run = await runCli(['run', 'fixture-demo', '--quick', '--quiet', '--out', 'o'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fixture-demo: complete');
    expect(run.stderr).toBe('');
  });

  it('main(run) with the same seed writes the same series', async () => {
    await runCli(['run', 'fixture-demo', '--quick', '--seed', '3', '--out', 'a'], { cwd });
    await runCli(['run', 'fixture-demo', '--quick', '--seed', '3', '--out', 'b'], { cwd });
    const a = parseResultFile(readFileSync(join(cwd, 'a', 'result.json'), 'utf8'));
    const b = parseResultFile(readFileSync(join(cwd, 'b', 'result.json'), 'utf8'));
    expect(a.series).toEqual(b.series);
    expect(a.metrics).toEqual(b.metrics);
  });

  it("main(['run', 'nope']) names the unknown experiment and the available ones, exit 2, nothing written", async () => {
    const run = await runCli(['run', 'fixture-dem', '--quick'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "engram run: unknown experiment 'fixture-dem'; available: fixture-demo, fixture-missing (did you mean 'fixture-demo'?)\n",
    );
    expectNothingWritten();
  });

  it("main(['run', name, '--tauM', '20']) names the unknown parameter and the allowed ones, exit 2, nothing written", async () => {
    const run = await runCli(['run', 'fixture-demo', '--neuron', '20'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^engram run fixture-demo: unknown option '--neuron'; parameters: --neurons, --rate, --duration/);
    expect(run.stderr).toContain('run options: --seed, --out, --quick, --json, --quiet, --force');
    expect(run.stderr).toContain("(did you mean '--neurons'?)");
    expectNothingWritten();
  });

  it('main(run) with a bad value names the parameter, the value and the allowed range, exit 2, nothing written', async () => {
    const cases: [string[], string][] = [
      [['--neurons', '0'], "engram run: fixture-demo: parameter 'neurons' = 0 is invalid; allowed: an integer in [1, 5000]"],
      [['--rate', 'fast'], "engram run: fixture-demo: parameter 'rate' = \"fast\" is invalid; allowed: a number in [0, 500] (Hz)"],
      [['--mode', 'burst'], "engram run: fixture-demo: parameter 'mode' = \"burst\" is invalid; allowed: one of 'poisson', 'regular'"],
      [['--plastic=maybe'], "engram run: fixture-demo: parameter 'plastic' = \"maybe\" is invalid; allowed: true or false"],
      [['--seed', '-3'], "engram run: fixture-demo: parameter 'seed' = \"-3\" is invalid; allowed: an integer in [0, 4294967295]"],
      [['--neurons'], "engram run fixture-demo: option '--neurons' needs a value; write --neurons <value>"],
      [['--out'], "engram run fixture-demo: option '--out' needs a value; write --out <value>"],
      [['--quick=yes'], "engram run fixture-demo: option '--quick' takes no value (got 'yes')"],
      [['extra'], "engram run fixture-demo: unexpected argument 'extra'"],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['run', 'fixture-demo', ...args], { cwd });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toBe(`${message}\n`);
      expectNothingWritten();
    }
  });

  it('main(run) whose experiment rejects its parameter combination exits 2 and writes nothing', async () => {
    const run = await runCli(['run', 'fixture-demo', '--failWith', 'parameter', '--out', 'o'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^engram run: fixture-demo: parameter 'rate' = 20 is invalid/);
    expectNothingWritten();
  });

  it('main(run) whose experiment throws exits 1 with the message and writes nothing', async () => {
    const run = await runCli(['run', 'fixture-demo', '--quick', '--failWith', 'error', '--out', 'o'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('engram run fixture-demo: failed: fixture failure in the middle of the run; nothing written');
    expectNothingWritten();
  });

  it('main(run) whose output cannot be stored exits 1 naming the series and writes nothing', async () => {
    const run = await runCli(['run', 'fixture-demo', '--quick', '--failWith', 'unstorable', '--out', 'o'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('series.bad is a function');
    expectNothingWritten();
  });

  it("main(['run', 'fixture-missing']) says the module is missing, exit 1", async () => {
    const run = await runCli(['run', 'fixture-missing'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "engram run: experiment 'fixture-missing' is not available: test/fixtures/missingExperiment.ts is missing\n",
    );
    expectNothingWritten();
  });

  it("main(['run']) without a name lists the experiments, exit 2", async () => {
    const run = await runCli(['run'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('engram run: missing experiment name; available: fixture-demo, fixture-missing\n');
  });

  it("main(['run', name, '--help']) prints the experiment's parameters and runs nothing", async () => {
    const run = await runCli(['run', 'fixture-demo', '--help'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fixture-demo — Demo: Poisson spike trains (test fixture)');
    expect(run.stdout).toMatch(/--neurons\s+60\s+30\s+an integer in \[1, 5000\]\s+number of neurons/);
    expectNothingWritten();
  });

  it('main(run) into a directory that holds a run refuses without --force and leaves it untouched', async () => {
    mkdirSync(join(cwd, 'o'));
    writeFileSync(join(cwd, 'o', 'result.json'), 'earlier run');
    const run = await runCli(['run', 'fixture-demo', '--quick', '--out', 'o'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^engram run: .*o already holds a run \(result\.json\); choose another --out directory or pass --force/);
    expect(readdirSync(join(cwd, 'o'))).toEqual(['result.json']);
    expect(readFileSync(join(cwd, 'o', 'result.json'), 'utf8')).toBe('earlier run');
  });

  it("main(run, '--force') overwrites the run in the directory", async () => {
    await runCli(['run', 'fixture-demo', '--quick', '--seed', '1', '--out', 'o'], { cwd });
    const run = await runCli(['run', 'fixture-demo', '--quick', '--seed', '2', '--out', 'o', '--force'], { cwd });
    expect(run.code).toBe(0);
    expect(parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8')).seed).toBe(2);
    expect(readdirSync(join(cwd, 'o')).sort()).toEqual(['report.html', 'result.json']);
  });

  it('main(run) stopped through its signal writes the partial result with status interrupted, exit 130', async () => {
    const controller = new AbortController();
    const pending = runCli(['run', 'fixture-demo', '--chunkDelayMs', '2', '--out', 'o', '--quiet'], { cwd, signal: controller.signal });
    setTimeout(() => controller.abort(), 60);
    const run = await pending;
    expect(run.code).toBe(130);
    const result = parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8'));
    expect(result.status).toBe('interrupted');
    expect(result.metrics.simulatedMs).toBeGreaterThan(0);
    expect(result.metrics.simulatedMs).toBeLessThan(1000);
    expect(run.stdout).toContain('fixture-demo: interrupted in');
    expect(readFileSync(join(cwd, 'o', 'report.html'), 'utf8')).toContain('interrupted — partial result');
  });

  it('main(run) runs an experiment module given by its path', async () => {
    const file = new URL('../../fixtures/demoExperiment.ts', import.meta.url).pathname;
    const run = await runCli(['run', file, '--quick', '--out', 'o'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(parseResultFile(readFileSync(join(cwd, 'o', 'result.json'), 'utf8')).experiment.name).toBe('fixture-demo');
  });

  it('main(run) of a path with no module says so, exit 2', async () => {
    const run = await runCli(['run', './nothing-here.ts'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('engram run: no experiment module at ./nothing-here.ts\n');
    expect(existsSync(join(cwd, 'results'))).toBe(false);
  });
});
