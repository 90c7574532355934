/**
 * A mistake on the command line (unknown command, experiment or option, a missing value).
 * The command prints its message as one line and exits with code 2, having written nothing.
 */
import { EngramError } from '../core/errors.js';

/** A command-line mistake; exit code 2. */
export class UsageError extends EngramError {}
