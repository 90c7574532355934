/**
 * Shared parameter checks for neuron models: each parameter is declared with the
 * condition it must meet, and the first one that fails raises a ParameterError.
 */
import { ParameterError } from '../core/errors.js';

/** The conditions a model parameter may have to meet. */
export type ParamRule = 'finite' | 'positive' | 'nonNegative';

const ALLOWED: Record<ParamRule, string> = {
  finite: 'a finite number',
  positive: 'a finite number > 0',
  nonNegative: 'a finite number >= 0',
};

function ok(rule: ParamRule, v: unknown): boolean {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (rule === 'positive') return v > 0;
  if (rule === 'nonNegative') return v >= 0;
  return true;
}

/** Checks every parameter named in `rules`; `units` adds the unit to messages. */
export function checkParams(
  model: string,
  params: Readonly<Record<string, unknown>>,
  rules: Readonly<Record<string, ParamRule>>,
  units: Readonly<Record<string, string>>,
): void {
  for (const [name, rule] of Object.entries(rules)) {
    const v = params[name];
    if (!ok(rule, v)) {
      const unit = units[name] ? ` (${units[name]})` : '';
      throw new ParameterError(name, v, ALLOWED[rule] + unit, model);
    }
  }
}

/** Throws when `a` is not below `b` (e.g. vReset < vThresh). */
export function checkOrder(model: string, aName: string, a: number, bName: string, b: number): void {
  if (!(a < b)) {
    throw new ParameterError(aName, a, `a value below ${bName} = ${b}`, model);
  }
}
