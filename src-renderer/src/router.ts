import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import LibrariesView from './views/LibrariesView.vue';
import LibraryDiffView from './views/LibraryDiffView.vue';
import WorkloadsView from './views/WorkloadsView.vue';
import ExperimentsView from './views/ExperimentsView.vue';
import CompareView from './views/CompareView.vue';
import SweepsView from './views/SweepsView.vue';
import HistoryView from './views/HistoryView.vue';
import ReferenceView from './views/ReferenceView.vue';

// Hash routes work the same from the window's file:// page and from `pimwb serve`.

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/libraries' },
  { path: '/libraries/diff', name: 'library-diff', component: LibraryDiffView, meta: { title: 'Compare values' } },
  { path: '/libraries/:id?', name: 'libraries', component: LibrariesView, meta: { title: 'Libraries' } },
  { path: '/workloads', name: 'workloads', component: WorkloadsView, meta: { title: 'Workloads' } },
  { path: '/experiments/:id?', name: 'experiments', component: ExperimentsView, meta: { title: 'Experiments' } },
  { path: '/compare', name: 'compare', component: CompareView, meta: { title: 'Compare' } },
  { path: '/sweeps/:id?', name: 'sweeps', component: SweepsView, meta: { title: 'Sweeps' } },
  { path: '/history', name: 'history', component: HistoryView, meta: { title: 'History' } },
  { path: '/reference/:key?', name: 'reference', component: ReferenceView, meta: { title: 'Reference' } },
  { path: '/:unknown(.*)*', redirect: '/libraries' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? 'Workbench')} · PIM Workbench`;
});
