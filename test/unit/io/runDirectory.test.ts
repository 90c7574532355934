import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResultFile } from '../../../src/io/parseResultFile.js';
import {
  checkRunDirectory,
  defaultRunDirectory,
  RunDirectoryExistsError,
  runTimestamp,
  writeRunFiles,
} from '../../../src/io/runDirectory.js';
import { PLOTLY_STUB, tempDir } from '../../fixtures/cliHarness.js';
import { sampleResult } from '../../fixtures/sampleResult.js';

describe('run directories', () => {
  let root: string;
  beforeEach(() => {
    root = tempDir();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runTimestamp(date) is a UTC timestamp without colons', () => {
    expect(runTimestamp(new Date('2025-11-24T20:32:05.123Z'))).toBe('2025-11-24T20-32-05Z');
  });

  it('defaultRunDirectory(root, name, date) is results/<name>/<timestamp>, with a suffix when taken', async () => {
    const date = new Date('2025-11-24T20:32:05Z');
    const first = await defaultRunDirectory(root, 'cuba', date);
    expect(first).toBe(join(root, 'results', 'cuba', '2025-11-24T20-32-05Z'));
    mkdirSync(first, { recursive: true });
    expect(await defaultRunDirectory(root, 'cuba', date)).toBe(`${first}-2`);
    expect(existsSync(`${first}-2`)).toBe(false);
  });

  it('checkRunDirectory(dir, false) refuses a directory that holds a run, unless forced', async () => {
    await expect(checkRunDirectory(join(root, 'missing'), false)).resolves.toBeUndefined();
    await expect(checkRunDirectory(root, false)).resolves.toBeUndefined();
    writeFileSync(join(root, 'report.html'), 'old');
    await expect(checkRunDirectory(root, false)).rejects.toThrow(RunDirectoryExistsError);
    await expect(checkRunDirectory(root, false)).rejects.toThrow(/already holds a run \(report\.html\).*--force/);
    await expect(checkRunDirectory(root, true)).resolves.toBeUndefined();
  });

  it('writeRunFiles(dir, result) creates the directory and writes result.json and report.html', async () => {
    const dir = join(root, 'a', 'b');
    const files = await writeRunFiles(dir, sampleResult(), { plotlySource: PLOTLY_STUB });
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'result.json']);
    expect(parseResultFile(readFileSync(files.result, 'utf8'))).toEqual(sampleResult());
    expect(readFileSync(files.report, 'utf8')).toContain(PLOTLY_STUB);
  });

  it('writeRunFiles() never overwrites an earlier run without force', async () => {
    writeFileSync(join(root, 'result.json'), 'earlier');
    await expect(writeRunFiles(root, sampleResult(), { plotlySource: PLOTLY_STUB })).rejects.toThrow(RunDirectoryExistsError);
    expect(readFileSync(join(root, 'result.json'), 'utf8')).toBe('earlier');
    expect(readdirSync(root)).toEqual(['result.json']);
    await writeRunFiles(root, sampleResult(), { plotlySource: PLOTLY_STUB, force: true });
    expect(readFileSync(join(root, 'result.json'), 'utf8')).toContain('"engram-result"');
  });
});
