import { describe, expect, it } from 'vitest';
import { isCI, processTerminal, writeLine } from '../../../src/cli/terminal.js';
import { Capture } from '../../fixtures/cliHarness.js';

describe('terminal', () => {
  it('isCI(env) reads the CI variable, treating empty, false and 0 as unset', () => {
    expect(isCI({})).toBe(false);
    expect(isCI({ CI: '' })).toBe(false);
    expect(isCI({ CI: 'false' })).toBe(false);
    expect(isCI({ CI: '0' })).toBe(false);
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: 'woodpecker' })).toBe(true);
  });

  it('writeLine(out, text) writes the text and a newline', () => {
    const out = new Capture();
    writeLine(out, 'a');
    writeLine(out);
    expect(out.text).toBe('a\n\n');
  });

  it("processTerminal() is this process's streams, environment and directory", () => {
    const t = processTerminal();
    expect(t.stdout).toBe(process.stdout);
    expect(t.cwd).toBe(process.cwd());
  });
});
