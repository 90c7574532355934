import { describe, expect, it } from 'vitest';
import { parseRunArgs, runTarget } from '../../../src/cli/runArgs.js';
import { UsageError } from '../../../src/cli/usageError.js';
import { sampleMeta } from '../../fixtures/sampleResult.js';

describe('runTarget', () => {
  it('runTarget(args) finds the experiment name and --help', () => {
    expect(runTarget(['cuba', '--quick', '--seed', '3'])).toEqual({ name: 'cuba', help: false });
    expect(runTarget(['--quick', 'cuba'])).toEqual({ name: 'cuba', help: false });
    expect(runTarget(['-h'])).toEqual({ name: undefined, help: true });
  });
});

describe('parseRunArgs', () => {
  it('parseRunArgs(args, meta) reads run options and parameter texts', () => {
    expect(parseRunArgs(['sample', '--tauM', '12', '--seed', '5', '--out', 'dir', '--quick', '--json', '--quiet', '--force'], sampleMeta)).toEqual({
      name: 'sample',
      help: false,
      seed: '5',
      out: 'dir',
      quick: true,
      json: true,
      quiet: true,
      force: true,
      parameters: { tauM: '12' },
    });
  });

  it('parseRunArgs() takes negative numbers as values, separate or inline', () => {
    expect(parseRunArgs(['sample', '--tauM', '-5'], sampleMeta).parameters).toEqual({ tauM: '-5' });
    expect(parseRunArgs(['sample', '--tauM=-5'], sampleMeta).parameters).toEqual({ tauM: '-5' });
  });

  it('parseRunArgs() reads boolean parameters as switches: --x, --no-x, --x=false', () => {
    expect(parseRunArgs(['sample', '--plastic'], sampleMeta).parameters).toEqual({ plastic: true });
    expect(parseRunArgs(['sample', '--no-plastic'], sampleMeta).parameters).toEqual({ plastic: false });
    expect(parseRunArgs(['sample', '--plastic=false'], sampleMeta).parameters).toEqual({ plastic: 'false' });
  });

  it('parseRunArgs() rejects an unknown option, listing parameters and run options and suggesting a fix', () => {
    expect(() => parseRunArgs(['sample', '--taum', '3'], sampleMeta)).toThrow(UsageError);
    expect(() => parseRunArgs(['sample', '--taum', '3'], sampleMeta)).toThrow(
      "engram run sample: unknown option '--taum'; parameters: --tauM, --n, --rule, --plastic; " +
        "run options: --seed, --out, --quick, --json, --quiet, --force, --help (did you mean '--tauM'?)",
    );
    expect(() => parseRunArgs(['sample', '-x'], sampleMeta)).toThrow(/unknown option '-x'/);
  });

  it('parseRunArgs() rejects a value-taking option without a value', () => {
    expect(() => parseRunArgs(['sample', '--tauM'], sampleMeta)).toThrow("option '--tauM' needs a value");
    expect(() => parseRunArgs(['sample', '--seed', '--quick'], sampleMeta)).toThrow("option '--seed' needs a value (got '--quick')");
    expect(() => parseRunArgs(['sample', '--no-tauM'], sampleMeta)).toThrow("option '--tauM' takes a value and cannot be negated");
  });

  it('parseRunArgs() rejects a value given to a switch, with a hint', () => {
    expect(() => parseRunArgs(['sample', '--plastic', 'false'], sampleMeta)).toThrow(
      "engram run sample: unexpected argument 'false' (--plastic is a switch and takes no separate value: use --plastic, --no-plastic or --plastic=false)",
    );
    expect(() => parseRunArgs(['sample', '--quick=1'], sampleMeta)).toThrow("option '--quick' takes no value (got '1')");
  });

  it('parseRunArgs() rejects stray words and a missing name', () => {
    expect(() => parseRunArgs(['sample', 'more'], sampleMeta)).toThrow("unexpected argument 'more'");
    expect(() => parseRunArgs(['--quick'], sampleMeta)).toThrow('missing experiment name');
  });
});
