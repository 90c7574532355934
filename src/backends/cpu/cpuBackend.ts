/**
 * The cpu backend, the reference: each population's model kernel runs on its typed
 * arrays in place (the IF_curr_exp kernel as WebAssembly SIMD), and direct-mode
 * projections add their weights straight into the target's input variables.
 */
import type { EngineView, StepBackend } from '../backend.js';
import { propagateConstantDelay } from './propagate.js';

/** Steps 3-4 of the loop on the CPU. */
export class CpuBackend implements StepBackend {
  readonly name = 'cpu' as const;
  readonly label = 'cpu';
  readonly synchronous = true;
  private readonly view: EngineView;

  constructor(view: EngineView) {
    this.view = view;
  }

  /** Delivers direct-mode input, then runs every population's kernel; returns the events delivered. */
  integrate(k: number): number {
    const events = this.deliverDirect(k);
    const pops = this.view.populations;
    for (let p = 0; p < pops.length; p++) {
      const pop = pops[p];
      const ring = pop.ring;
      if (ring) {
        const slot = k % ring.slots;
        pop.spikeCount = pop.kernel.step(k, ring.viewsE[slot], ring.viewsI[slot]);
      } else {
        pop.spikeCount = pop.kernel.step(k, null, null);
      }
    }
    return events;
  }

  /**
   * Adds the input that arrives at step k through direct-mode projections: the spikes
   * of step k - 1 - delay, weights added straight into the target's synaptic variables.
   */
  private deliverDirect(k: number): number {
    const direct = this.view.direct;
    let events = 0;
    for (let q = 0; q < direct.length; q++) {
      const proj = direct[q];
      const j = k - 1 - proj.constantDelay;
      if (j < proj.sinceStep) continue;
      const history = this.view.histories[proj.pre.id]!;
      const count = history.countOf(j);
      if (count === 0) continue;
      const targets = proj.post.model.inputTargets!;
      const out = proj.post.state[proj.receptor === 'excitatory' ? targets.excitatory : targets.inhibitory];
      events += propagateConstantDelay(history.spikesOf(j), count, proj.rowPtr, proj.target, proj.weight, out);
    }
    return events;
  }
}
