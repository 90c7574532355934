#!/usr/bin/env node
// The `engram` command (package.json "bin"). Engram runs from its TypeScript sources, so
// this launcher registers tsx's loader in this process (signals such as Ctrl-C then reach
// the command directly) and hands over to src/cli/main.ts with the experiment registry
// and the benchmark module, which live outside src/.
import { register } from 'tsx/esm/api';

register();

const { main } = await import('../src/cli/main.ts');
const { experimentRegistry } = await import('../experiments/index.ts');

process.exitCode = await main(process.argv.slice(2), {
  experiments: experimentRegistry,
  loadBenchmarks: () => import(new URL('../bench/index.ts', import.meta.url).href),
});
