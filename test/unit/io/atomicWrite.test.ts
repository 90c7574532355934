import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, temporaryPathFor } from '../../../src/io/atomicWrite.js';

describe('atomicWrite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engram-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('atomicWrite(path, text) writes the text and leaves no temporary file', async () => {
    const path = join(dir, 'result.json');
    await atomicWrite(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('atomicWrite(path, chunks) writes sync and async chunks in order', async () => {
    const path = join(dir, 'out.txt');
    await atomicWrite(path, ['a', new TextEncoder().encode('b'), 'c']);
    expect(readFileSync(path, 'utf8')).toBe('abc');
    async function* chunks() {
      yield 'x';
      yield 'y';
    }
    await atomicWrite(path, chunks());
    expect(readFileSync(path, 'utf8')).toBe('xy');
  });

  it('atomicWrite(path, chunks) that fail while writing leave no partial file and no temporary file', async () => {
    const path = join(dir, 'result.json');
    async function* failing() {
      yield '{"series": [1, 2, 3';
      throw new Error('disk on fire');
    }
    await expect(atomicWrite(path, failing())).rejects.toThrow('disk on fire');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('atomicWrite(path, chunks) that fail keep the earlier file intact', async () => {
    const path = join(dir, 'result.json');
    writeFileSync(path, 'earlier result');
    function* failing() {
      yield 'half of a new';
      throw new Error('interrupted');
    }
    await expect(atomicWrite(path, failing())).rejects.toThrow('interrupted');
    expect(readFileSync(path, 'utf8')).toBe('earlier result');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('atomicWrite(path) into a missing directory rejects and creates nothing', async () => {
    await expect(atomicWrite(join(dir, 'missing', 'result.json'), 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('temporaryPathFor(path) is a hidden file in the same directory', () => {
    const temp = temporaryPathFor(join(dir, 'result.json'));
    expect(temp.startsWith(join(dir, '.result.json.'))).toBe(true);
    expect(temp.endsWith('.tmp')).toBe(true);
  });
});
