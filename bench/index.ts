/**
 * The benchmark registry behind `npm run bench -- <name> [...]` and `engram bench`.
 * Benchmarks report what they measured (times, events/s, ratios); they are never
 * unit tests.
 */
import { pathToFileURL } from 'node:url';
import { backendsMain } from './backends.js';
import { cubaMain } from './cuba.js';
import { sdrMain } from './sdr.js';
import { memoryMain } from './memory.js';
import { stdpMain } from './stdp.js';

export interface Benchmark {
  readonly description: string;
  run(args: string[], opts: { json: boolean }): Promise<void>;
}

export const benchmarks: Record<string, Benchmark> = {
  cuba: {
    description: 'Vogels & Abbott (2005) CUBA network, 1 s, N = 4000 ... 256000; --n N, --json, --brian',
    async run(args, opts) {
      const a = opts.json && !args.includes('--json') ? [...args, '--json'] : args;
      await cubaMain(a);
    },
  },
  backends: {
    description: 'per-step neuron update and synaptic input at N = 1e4, 1e5, 1e6 and CUBA on cpu, gpu:webasm, gpu:cpu; --json, --quick',
    async run(args, opts) {
      const a = opts.json && !args.includes('--json') ? [...args, '--json'] : args;
      await backendsMain(a);
    },
  },
  sdr: {
    description: 'SDR operations at n = 2048, w = 40: overlaps/s (goal 2e7), unions of 100/s, RDSE encodes/s; --json, --repeats R',
    async run(args, opts) {
      const a = opts.json && !args.includes('--json') ? [...args, '--json'] : args;
      await sdrMain(a);
    },
  },
  memory: {
    description: 'Willshaw retrievals/s at n = 4096, k = 12, M = 28400 (threshold, sums, k-WTA); --json, --repeats R, --ops N',
    async run(args, opts) {
      const a = opts.json && !args.includes('--json') ? [...args, '--json'] : args;
      await memoryMain(a);
    },
  },
  stdp: {
    description: 'Song et al. (2000) STDP as Brian2\'s example, 1000 Poisson inputs -> 1000 LIF, all-to-all, 10 s; --npre, --npost, --duration, --json, --brian, --breakdown',
    async run(args, opts) {
      const a = opts.json && !args.includes('--json') ? [...args, '--json'] : args;
      await stdpMain(a);
    },
  },
  dashboard: {
    description: 'live raster redraws/s (goal >= 20), page fps and simulated ms/s with CUBA N = 4000 in headless Chromium; --json, --seconds S, --speed MS',
    async run(args, opts) {
      const a = opts.json && !args.includes('--json') ? [...args, '--json'] : args;
      // imported when run: it needs playwright-core and vite (development dependencies) and
      // the e2e suite's Chromium launcher, so it runs from a checkout, not an installed package
      let dashboardMain: (args: string[]) => Promise<unknown>;
      try {
        ({ dashboardMain } = await import('./dashboard.js'));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw e;
        throw new Error(`bench dashboard runs from a checkout with the development dependencies installed (npm install): ${(e as Error).message}`);
      }
      await dashboardMain(a);
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log('usage: npm run bench -- <name> [options]');
    for (const [k, b] of Object.entries(benchmarks)) console.log(`  ${k.padEnd(8)} ${b.description}`);
    return name ? 0 : 2;
  }
  const bench = benchmarks[name];
  if (!bench) {
    console.error(`unknown benchmark '${name}'; known: ${Object.keys(benchmarks).join(', ')}`);
    return 2;
  }
  await bench.run(rest, { json: rest.includes('--json') });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
