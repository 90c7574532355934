import { describe, expect, it } from 'vitest';
import { clockTime, compactCount, formatProgressLine, ProgressBar, progressEnabled } from '../../../src/cli/progress.js';
import { Capture } from '../../fixtures/cliHarness.js';

describe('progressEnabled', () => {
  it('progressEnabled() is true only on a TTY, outside CI, and not quiet', () => {
    const tty = new Capture(true);
    expect(progressEnabled({ output: tty, env: {}, quiet: false })).toBe(true);
    expect(progressEnabled({ output: new Capture(false), env: {}, quiet: false })).toBe(false);
    expect(progressEnabled({ output: tty, env: { CI: 'true' }, quiet: false })).toBe(false);
    expect(progressEnabled({ output: tty, env: { CI: '1' }, quiet: false })).toBe(false);
    expect(progressEnabled({ output: tty, env: { CI: 'false' }, quiet: false })).toBe(true);
    expect(progressEnabled({ output: tty, env: {}, quiet: true })).toBe(false);
  });
});

describe('formatProgressLine', () => {
  it('formatProgressLine() shows percent, simulated time, steps/s and ETA', () => {
    const line = formatProgressLine('cuba', { done: 250, total: 1000, unit: 'ms', steps: 2500 }, 2, 100);
    expect(line).toMatch(/^cuba █+░+\s+25%  250\/1000 ms  1250 steps\/s  ETA 0:06$/);
  });

  it('formatProgressLine() without steps shows units per second', () => {
    expect(formatProgressLine('sdr', { done: 30, total: 60, unit: 'trials', label: 'recall' }, 3, 100)).toMatch(
      /^sdr recall .* 50%  30\/60 trials  10 trials\/s  ETA 0:03$/,
    );
  });

  it('formatProgressLine() fits the width and drops the bar when narrow', () => {
    const line = formatProgressLine('x', { done: 1, total: 3, unit: 'ms' }, 1, 30);
    expect(line.length).toBeLessThanOrEqual(30);
    expect(line).not.toContain('█');
  });

  it('compactCount() and clockTime() format speeds and durations', () => {
    expect(compactCount(950)).toBe('950');
    expect(compactCount(12345)).toBe('12.3k');
    expect(compactCount(4.56e6)).toBe('4.56M');
    expect(clockTime(65)).toBe('1:05');
    expect(clockTime(3725)).toBe('1:02:05');
  });
});

describe('ProgressBar', () => {
  it('ProgressBar.update() draws nothing when disabled, and log() still prints', () => {
    const out = new Capture(false);
    const bar = new ProgressBar(out, { enabled: false, label: 'x' });
    bar.update({ done: 1, total: 2, unit: 'ms' });
    bar.log('hello');
    bar.finish();
    expect(out.text).toBe('hello\n');
  });

  it('ProgressBar.update() redraws in place at most every minIntervalMs, and at 100%', () => {
    let t = 0;
    const out = new Capture(true, 80);
    const bar = new ProgressBar(out, { enabled: true, label: 'x', now: () => t, minIntervalMs: 100 });
    t = 10;
    bar.update({ done: 1, total: 10, unit: 'ms' });
    t = 50;
    bar.update({ done: 2, total: 10, unit: 'ms' });
    t = 150;
    bar.update({ done: 3, total: 10, unit: 'ms' });
    t = 160;
    bar.update({ done: 10, total: 10, unit: 'ms' });
    const draws = out.text.split('\r').filter(Boolean);
    expect(draws).toHaveLength(3);
    expect(draws[0]).toContain(' 10%');
    expect(draws[1]).toContain(' 30%');
    expect(draws[2]).toContain('100%');
    expect(out.text).not.toContain('\n');
  });

  it('ProgressBar.log() prints above the bar and redraws it; finish() clears the line', () => {
    let t = 0;
    const out = new Capture(true, 80);
    const bar = new ProgressBar(out, { enabled: true, label: 'x', now: () => t });
    t = 1000;
    bar.update({ done: 5, total: 10, unit: 'ms' });
    bar.log('message');
    bar.finish();
    expect(out.text).toMatch(/^\r.*50%.*\x1b\[K\r\x1b\[2Kmessage\n\r.*50%.*\x1b\[K\r\x1b\[2K$/);
  });
});
