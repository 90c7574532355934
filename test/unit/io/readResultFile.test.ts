import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResultFileError } from '../../../src/io/parseResultFile.js';
import { readResultFile } from '../../../src/io/readResultFile.js';
import { serializeResultFile } from '../../../src/io/resultFile.js';
import { tempDir } from '../../fixtures/cliHarness.js';
import { sampleResult } from '../../fixtures/sampleResult.js';

describe('readResultFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('readResultFile(path) reads and validates a result file', async () => {
    const path = join(dir, 'result.json');
    writeFileSync(path, serializeResultFile(sampleResult()));
    expect(await readResultFile(path)).toEqual(sampleResult());
  });

  it('readResultFile(path) of a missing or foreign file rejects with the path in the message', async () => {
    await expect(readResultFile(join(dir, 'none.json'))).rejects.toThrow(ResultFileError);
    await expect(readResultFile(join(dir, 'none.json'))).rejects.toThrow(/none\.json: cannot be read/);
    const foreign = join(dir, 'package.json');
    writeFileSync(foreign, '{"name":"x"}');
    await expect(readResultFile(foreign)).rejects.toThrow(`${foreign}: is not an Engram result file`);
  });
});
