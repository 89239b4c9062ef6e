import { createApp } from 'vue';
import { createPinia } from 'pinia';
import '@fontsource-variable/inter';
import '@fontsource/jetbrains-mono/400.css';
import './styles/tokens.css';
import './styles/base.css';
import App from './App.vue';
import { router } from './router.ts';

const app = createApp(App).use(createPinia()).use(router);
// Mount after the first route resolves, so pages never see a half-finished initial navigation.
void router.isReady().then(() => app.mount('#app'));
