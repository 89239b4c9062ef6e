// Pages of the navigation rail whose features come with later work. Each says plainly what it
// will do and what a user can do now, instead of showing an empty screen.

export interface PlannedPage {
  readonly key: 'experiments' | 'compare' | 'sweeps' | 'history';
  readonly title: string;
  readonly purpose: string;
  readonly meanwhile: string;
}

export const PLANNED_PAGES: readonly PlannedPage[] = [
  {
    key: 'experiments',
    title: 'Experiments',
    purpose: 'Run a design training a workload and see energy, latency and area broken down by phase, layer, component and operation.',
    meanwhile: 'Experiments arrive with the simulator. Every run will be stored with the library versions it used.',
  },
  {
    key: 'compare',
    title: 'Compare',
    purpose: 'Put experiments side by side, normalised to a baseline, in the style of the papers\' figures, including the SOT-MRAM vs FloatPIM reproduction.',
    meanwhile: 'Comparisons need experiments; start by checking the parameters of the designs in Libraries.',
  },
  {
    key: 'sweeps',
    title: 'Sweeps',
    purpose: 'Vary one or two parameters over a range, watch results stream in, and find the Pareto front of energy, latency and area.',
    meanwhile: 'Sweeps run on the simulator once it lands; the parameters they vary are the ones in your libraries.',
  },
  {
    key: 'history',
    title: 'History',
    purpose: 'Every experiment you ran, searchable by name, tag and date, with notes, re-run and delete.',
    meanwhile: 'Nothing has been run yet. Runs appear here as soon as experiments exist.',
  },
];
