import { defineConfig } from 'vite';

// vite                      -> dev server for index.html: the demo back-office, fed by the MSW mock API
// vite build                -> dist/demo        the demo, built
// vite build --mode cdn     -> dist/cdn/estafette.js   one self-contained minified ES module, Lit bundled
// vite build --mode lib     -> dist/lib/*.js    the npm package: one file per module, Lit external
export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'estafette.js' },
        // Lib-mode ES output is not whitespace-minified by build.minify: ask Rolldown directly.
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  if (mode === 'lib') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: { index: 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
        rolldownOptions: {
          external: [/^lit(\/|$)/, /^@lit\//, /^@floating-ui\//],
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  return {
    server: { host: '127.0.0.1', port: 5173 },
    build: { outDir: 'dist/demo', emptyOutDir: true, target: 'es2022' },
  };
});
