/**
 * The README's API example is a test: it is extracted from README.md, pointed at the
 * sources instead of the package name, run, and its printed results checked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'engram-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README example', () => {
  it('runs as written and prints a plausible rate and a membrane trace', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block, 'README.md has a ```ts example').not.toBeNull();
    const source = block![1].replace(/from 'engram'/g, `from ${JSON.stringify(pathToFileURL(join(root, 'src', 'index.ts')).href)}`);
    expect(source).not.toContain("'engram'");
    const file = join(dir, 'example.ts');
    writeFileSync(file, source);
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    try {
      await import(pathToFileURL(file).href);
    } finally {
      spy.mockRestore();
    }
    expect(logged.length).toBe(2);
    const [rate, hz, count] = logged[0] as [number, string, number];
    expect(hz).toBe('Hz');
    // 100 cells driven by ~20 Poisson inputs each at 20 Hz with 0.5 nA jumps fire steadily.
    expect(rate).toBeGreaterThan(1);
    expect(rate).toBeLessThan(200);
    expect(count).toBe(Math.round(rate * 100 * 0.5));
    const trace = logged[1][0] as Float32Array;
    expect(trace).toBeInstanceOf(Float32Array);
    expect(trace.length).toBe(5000);
    expect(trace[0]).toBeGreaterThanOrEqual(-65);
    expect(trace[0]).toBeLessThanOrEqual(-55);
  });
});
