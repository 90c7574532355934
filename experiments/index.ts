/**
 * The registry of experiments the `engram` command knows: a static list of names and
 * module files. Modules are imported only when needed (`engram list` imports each for its
 * metadata, `engram run <name>` only that one), so a missing or broken experiment is
 * reported on its own line and never breaks the others.
 *
 * To add an experiment: create `experiments/<name>.ts` exporting `meta` (with
 * `meta.name === '<name>'`) and `run(params, context)`, and add its name below.
 */
import type { ExperimentEntry, ExperimentRegistry } from '../src/cli/experimentRegistry.js';

function entry(name: string): ExperimentEntry {
  const file = `experiments/${name}.ts`;
  return {
    name,
    file,
    // The specifier is computed so that a module not written yet is a clear runtime
    // error (see loadRegisteredExperiment), not a type error that breaks the build.
    load: () => import(new URL(`./${name}.ts`, import.meta.url).href),
  };
}

/** Every experiment, in the order `engram list` shows them. */
export const experimentRegistry: ExperimentRegistry = [
  entry('vogels2005-cuba'),
  entry('ahmad2016-sdr'),
  entry('song2000-stdp'),
  entry('bi1998-stdp-window'),
  entry('pfister2006-triplet'),
  entry('willshaw1969-capacity'),
  entry('amit1985-hopfield'),
  entry('stoeckel2017-binam'),
  entry('ca3-pattern-completion'),
  entry('casanueva2024-ca3-cam'),
];
