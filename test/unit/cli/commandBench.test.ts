import { describe, expect, it } from 'vitest';
import { BenchmarksUnavailableError, loadBenchmarks } from '../../../src/cli/commandBench.js';
import { runCli } from '../../fixtures/cliHarness.js';

function fakeBenchmarks(calls: { args: string[]; json: boolean }[]) {
  return async () => ({
    benchmarks: {
      cuba: {
        description: 'CUBA network timing',
        run: async (args: string[], opts: { json: boolean }) => {
          calls.push({ args, json: opts.json });
          if (args.includes('--bad')) throw new Error('benchmark broke');
        },
      },
    },
  });
}

describe('engram bench', () => {
  it("main(['bench']) lists the benchmarks of bench/index.ts", async () => {
    const run = await runCli(['bench'], { loadBenchmarks: fakeBenchmarks([]) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cuba  CUBA network timing');
  });

  it("main(['bench', name, ...args, '--json']) runs it with the other arguments and json: true", async () => {
    const calls: { args: string[]; json: boolean }[] = [];
    const run = await runCli(['bench', 'cuba', '--n', '4000', '--json'], { loadBenchmarks: fakeBenchmarks(calls) });
    expect(run.code).toBe(0);
    expect(calls).toEqual([{ args: ['--n', '4000'], json: true }]);
  });

  it("main(['bench', 'nope']) names the unknown benchmark and the available ones, exit 2", async () => {
    const run = await runCli(['bench', 'cub'], { loadBenchmarks: fakeBenchmarks([]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("engram bench: unknown benchmark 'cub'; available: cuba (did you mean 'cuba'?)\n");
  });

  it("main(['bench', name]) whose benchmark throws exits 1 with the error", async () => {
    const run = await runCli(['bench', 'cuba', '--bad'], { loadBenchmarks: fakeBenchmarks([]) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('benchmark broke');
  });

  it("main(['bench']) without bench/index.ts says it is missing, exit 1", async () => {
    // a bench/index.ts path that does not exist
    const loadBenchmarks = () => import(new URL('../../fixtures/bench/index.ts', import.meta.url).href);
    const run = await runCli(['bench'], { loadBenchmarks });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('engram bench: benchmarks are not available: bench/index.ts is missing\n');
  });

  it('loadBenchmarks() rejects a module without a benchmarks registry', async () => {
    await expect(loadBenchmarks(async () => ({}))).rejects.toThrow(BenchmarksUnavailableError);
    await expect(loadBenchmarks(async () => ({ benchmarks: { x: {} } }))).rejects.toThrow(/benchmark 'x' must be/);
    await expect(loadBenchmarks(undefined)).rejects.toThrow(/no benchmark module/);
  });
});
