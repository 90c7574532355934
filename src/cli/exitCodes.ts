/**
 * Exit codes of the `engram` command.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | done |
 * | 1 | the run or benchmark failed (an error in the experiment, a missing module) |
 * | 2 | bad command line: unknown command, experiment, parameter or value; existing run directory; nothing was written |
 * | 130 | interrupted (Ctrl-C): the partial result was written with status 'interrupted' |
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;
