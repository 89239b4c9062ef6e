import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

// Three bundles: the main process, the sandboxed preload (which may require only 'electron', so
// everything it imports is bundled in), and the renderer page.

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The simulator's pool worker is its own entry: worker threads load it from a file.
      rollupOptions: { input: { main: resolve(root, 'src-main/app/main.ts'), 'sim-worker': resolve(root, 'src-main/workers/sim-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'src-main/preload/index.ts') }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: {
      alias: {
        '@shared': resolve(root, 'src-main/shared'),
        '@': resolve(root, 'src-renderer/src'),
      },
    },
    plugins: [vue()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // No data: URLs: the CSP allows fonts and images only from the app itself.
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
