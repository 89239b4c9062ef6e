import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import LibrariesView from './views/LibrariesView.vue';
import PlannedView from './views/PlannedView.vue';
import LibraryDiffView from './views/LibraryDiffView.vue';
import WorkloadsView from './views/WorkloadsView.vue';
import { PLANNED_PAGES } from './views/planned-pages.ts';

// Hash routes work the same from the window's file:// page and from `pimwb serve`.

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/libraries' },
  { path: '/libraries/diff', name: 'library-diff', component: LibraryDiffView, meta: { title: 'Compare values' } },
  { path: '/libraries/:id?', name: 'libraries', component: LibrariesView, meta: { title: 'Libraries' } },
  { path: '/workloads', name: 'workloads', component: WorkloadsView, meta: { title: 'Workloads' } },
  ...PLANNED_PAGES.map((page) => ({ path: `/${page.key}`, name: page.key, component: PlannedView, props: { page }, meta: { title: page.title } })),
  { path: '/:unknown(.*)*', redirect: '/libraries' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? 'Workbench')} · PIM Workbench`;
});
