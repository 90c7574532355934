/**
 * The dashboard page: three views (live, results, SDR) behind tabs. The URL chooses the
 * first one: `?view=results`, `?view=sdr`, or the live view with `?preset=ca3|cuba|stdp|completion`,
 * `&backend=cpu|gpu` and `&autostart` (run at once).
 */
import { LiveView } from './live.js';
import type { LiveBackend, PresetName } from './protocol.js';
import { ResultsView } from './results.js';
import { SdrView } from './sdrView.js';

type ViewName = 'live' | 'results' | 'sdr';

const params = new URLSearchParams(location.search);
const section = (name: ViewName) => document.getElementById(`view-${name}`)!;
const live = new LiveView(section('live'));
const results = new ResultsView(section('results'));
const sdr = new SdrView(section('sdr'));
const started = new Set<ViewName>();

function show(name: ViewName): void {
  for (const view of ['live', 'results', 'sdr'] as const) {
    section(view).hidden = view !== name;
    document.getElementById(`tab-${view}`)!.classList.toggle('active', view === name);
  }
  document.body.dataset.view = name;
  if (!started.has(name)) {
    started.add(name);
    if (name === 'results') void results.listRuns();
    if (name === 'sdr') sdr.start();
  }
  window.dispatchEvent(new Event('resize')); // plots drawn while hidden take their width now
}

for (const button of document.querySelectorAll<HTMLButtonElement>('nav button')) {
  button.addEventListener('click', () => {
    show(button.dataset.view as ViewName);
    const url = new URL(location.href);
    url.searchParams.set('view', button.dataset.view!);
    history.replaceState(null, '', url);
  });
}

const presets: PresetName[] = ['ca3', 'cuba', 'stdp', 'completion'];
const preset = presets.find((p) => p === params.get('preset')) ?? 'ca3';
const backend: LiveBackend = params.get('backend') === 'gpu' ? 'gpu' : 'cpu';
const view = (['live', 'results', 'sdr'] as const).find((v) => v === params.get('view')) ?? 'live';
started.add('live');
live.start(preset, backend, params.has('autostart'));
show(view);
document.documentElement.dataset.dashboard = 'ready';
