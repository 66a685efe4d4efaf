import { defineConfig } from 'vite';
import { stripTemplateCssPlugin } from '../scripts/strip-template-css.mjs';

// The benchmark page, built in production mode (Lit without its dev-mode checks) and with our stylesheets as they
// ship (scripts/strip-template-css.mjs), served by bench/run.mjs.
// publicDir: the MSW service worker (/mockServiceWorker.js) for the RestDataSource scenario.
export default defineConfig({
  root: 'bench',
  publicDir: '../public',
  logLevel: 'warn',
  plugins: [stripTemplateCssPlugin()],
  build: { outDir: '../dist/bench', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
});
