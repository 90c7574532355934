/**
 * The real `bin/engram.js` launcher, spawned as a child process (as `npx engram` runs it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResultFile } from '../../../src/io/parseResultFile.js';
import { tempDir } from '../../fixtures/cliHarness.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin', 'engram.js');
const fixture = join(root, 'test', 'fixtures', 'demoExperiment.ts');

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns node with `args`; `onStderr` sees stderr as it arrives and may signal the child. */
function spawnNode(args: string[], onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void): Promise<Child> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.CI;
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('bin/engram.js', () => {
  let out: string;
  beforeEach(() => {
    out = tempDir('engram-bin-');
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('bin/engram.js is an executable node script', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('engram list lists the registered experiments and exits 0', async () => {
    const child = await spawnNode([bin, 'list']);
    expect(child.code, child.stderr).toBe(0);
    expect(child.stdout).toContain('vogels2005-cuba');
    expect(child.stdout).toContain('ahmad2016-sdr');
  });

  it('engram run <file> --quick writes both files, prints the summary, and draws no progress when not on a TTY', async () => {
    const dir = join(out, 'run');
    const child = await spawnNode([bin, 'run', fixture, '--quick', '--out', dir]);
    expect(child.code, child.stderr).toBe(0);
    expect(child.stdout).toMatch(/^fixture-demo: complete in/);
    expect(child.stderr).toBe('fixture-demo: 30 neurons, 200 ms\n');
    expect(parseResultFile(readFileSync(join(dir, 'result.json'), 'utf8')).status).toBe('complete');
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });

  it('engram run with a bad value exits 2 with one line and writes nothing', async () => {
    const dir = join(out, 'run');
    const child = await spawnNode([bin, 'run', fixture, '--rate', '-1', '--out', dir]);
    expect(child.code).toBe(2);
    expect(child.stderr).toBe(
      "engram run: fixture-demo: parameter 'rate' = -1 is invalid; allowed: a number in [0, 500] (Hz)\n",
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('engram run stopped by SIGINT writes the partial result with status interrupted and exits 130', async () => {
    const dir = join(out, 'run');
    let sent = false;
    const child = await spawnNode([bin, 'run', fixture, '--chunkDelayMs', '5', '--out', dir], (text, kill) => {
      if (!sent && text.includes('fixture-demo: 60 neurons')) {
        sent = true;
        setTimeout(() => kill('SIGINT'), 150);
      }
    });
    expect(sent).toBe(true);
    expect(child.code, child.stderr).toBe(130);
    expect(child.stderr).toContain('engram: interrupted — stopping after the current step');
    const result = parseResultFile(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.status).toBe('interrupted');
    expect(result.metrics.simulatedMs).toBeGreaterThan(0);
    expect(result.metrics.simulatedMs).toBeLessThan(1000);
  });

  it('node --import tsx <experiment file> runs it like engram run (runIfMain)', async () => {
    const dir = join(out, 'script');
    const child = await spawnNode(['--import', 'tsx', fixture, '--quick', '--seed', '4', '--out', dir]);
    expect(child.code, child.stderr).toBe(0);
    const result = parseResultFile(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.seed).toBe(4);
    expect(result.quick).toBe(true);
  });
});
