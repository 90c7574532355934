import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentProvenance, engramVersion, gitState, packageRoot } from '../../../src/io/provenance.js';
import { tempDir } from '../../fixtures/cliHarness.js';

describe('provenance', () => {
  it("engramVersion() is package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(engramVersion()).toBe(pkg.version);
  });

  it('gitState(dir) outside a git checkout gives nulls instead of failing', () => {
    const dir = tempDir();
    try {
      expect(gitState(dir)).toEqual({ commit: null, dirty: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('currentProvenance() gives a commit hash or null, and the runtime', () => {
    const p = currentProvenance();
    expect(p.gitCommit === null || /^[0-9a-f]{40,64}$/.test(p.gitCommit)).toBe(true);
    expect(p.runtime).toMatch(/^node v\d+/);
    expect(packageRoot().endsWith('/') || packageRoot().endsWith('\\')).toBe(true);
  });
});
