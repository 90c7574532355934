/** The rule of `backend: 'auto'` (chooseAutoBackend), a pure function of what the probe found. */
import { describe, expect, it } from 'vitest';
import { AUTO_GPU_MIN_NEURONS, chooseAutoBackend } from '../../../src/backends/backend.js';

const HARDWARE = { adapter: true, fallback: false, description: 'nvidia ampere' };

describe('chooseAutoBackend', () => {
  it('chooseAutoBackend(hardware adapter, large network, async) picks the gpu and names the adapter', () => {
    const c = chooseAutoBackend(HARDWARE, AUTO_GPU_MIN_NEURONS, true);
    expect(c.backend).toBe('gpu');
    expect(c.reason).toMatch(/^auto: hardware WebGPU adapter \(nvidia ampere\)/);
  });

  it('chooseAutoBackend(software fallback adapter, ...) picks the cpu and says the adapter is a software fallback', () => {
    const c = chooseAutoBackend({ adapter: true, fallback: true, description: 'llvmpipe-llvm-15' }, 10 * AUTO_GPU_MIN_NEURONS, true);
    expect(c).toEqual({ backend: 'cpu', reason: expect.stringMatching(/software fallback \(llvmpipe-llvm-15\)/) });
  });

  it('chooseAutoBackend(no adapter, ...) picks the cpu and says why', () => {
    const c = chooseAutoBackend({ adapter: false, fallback: false, description: 'navigator.gpu is missing' }, 1e6, true);
    expect(c).toEqual({ backend: 'cpu', reason: expect.stringMatching(/no WebGPU adapter \(navigator.gpu is missing\)/) });
  });

  it('chooseAutoBackend(hardware adapter, small network) picks the cpu: too small to gain', () => {
    const c = chooseAutoBackend(HARDWARE, AUTO_GPU_MIN_NEURONS - 1, true);
    expect(c).toEqual({ backend: 'cpu', reason: expect.stringMatching(/too small to gain/) });
  });

  it('chooseAutoBackend(..., asynchronous = false) picks the cpu: run() cannot await kernels', () => {
    expect(chooseAutoBackend(HARDWARE, 1e6, false)).toEqual({ backend: 'cpu', reason: expect.stringMatching(/runAsync/) });
  });
});
