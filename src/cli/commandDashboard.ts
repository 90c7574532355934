/**
 * `engram dashboard`: reserved for the browser dashboard, which is not built yet.
 */
import { EXIT_USAGE } from './exitCodes.js';
import { writeLine, type Terminal } from './terminal.js';

/** Runs `engram dashboard`: says it is not available yet (exit code 2). */
export async function commandDashboard(terminal: Terminal): Promise<number> {
  writeLine(
    terminal.stderr,
    'engram dashboard: not available yet (reserved for the dashboard); open a report.html from results/ meanwhile',
  );
  return EXIT_USAGE;
}
