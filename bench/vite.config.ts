import { defineConfig } from 'vite';

// The benchmark page, built in production mode (Lit without its dev-mode checks), served by bench/run.mjs.
export default defineConfig({
  root: 'bench',
  publicDir: false,
  logLevel: 'warn',
  build: { outDir: '../dist/bench', emptyOutDir: true, target: 'es2022' },
});
