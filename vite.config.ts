import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { stripTemplateCssPlugin } from './scripts/strip-template-css.mjs';
import { stripTemplateIndentPlugin } from './scripts/strip-template-indent.mjs';
import { groupDecoratorsPlugin } from './scripts/group-decorators.mjs';
import { shareCatalogueKeysPlugin } from './scripts/share-catalogue-keys.mjs';

// vite                      -> dev server for index.html: the demo back-office, fed by the MSW mock API
// vite build                -> dist/demo        the demo, built
// vite build --mode cdn     -> dist/cdn/estafette.js   one self-contained minified ES module, Lit bundled
// vite build --mode loader -> dist/cdn/estafette-loader.js   fetches the kit when one of its tags appears
// vite build --mode lib     -> dist/lib/*.js    the npm package: one file per module, Lit external
// Every public entry of the npm package (see "exports" in package.json).
const LIB_ENTRIES = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'core/index': 'src/core/index.ts',
  'providers/index': 'src/providers/index.ts',
  'data/index': 'src/data/index.ts',
  'i18n/index': 'src/i18n/index.ts',
  // The mock API (MSW handlers, seeded dataset) for consumers' tests and demos; msw is an optional peer.
  'mocks/index': 'src/mocks/index.ts',
  'elements/status-source/define': 'src/elements/status-source/define.ts',
  'elements/email-status-badge/define': 'src/elements/email-status-badge/define.ts',
  'elements/campaign-stats/define': 'src/elements/campaign-stats/define.ts',
  'elements/status-timeline/define': 'src/elements/status-timeline/define.ts',
  // `estafette/cdn` under the "node" condition: what a server-side render gets instead of the browser bundle.
  cdn: 'src/cdn.ts',
};

/**
 * CDN build only: `mapStatus` (the badge's provider words) reads the providers' mapping tables, whose docs text
 * (notes, error-code tables, conditional rows) it never uses. The CDN file gets the same tables, computed from the
 * real ones at build time, cut to what `mapStatus` reads: each source's unconditional rows and the extra status
 * words. Same words, same answers (the CDN page test checks a provider word); no second copy to keep in sync.
 */
function compactProviderTables(): Plugin {
  const tables = fileURLToPath(new URL('./src/providers/tables/index.ts', import.meta.url));
  return {
    name: 'estafette:compact-provider-tables',
    async load(id) {
      if (id !== tables) return null;
      const { tsImport } = await import('tsx/esm/api');
      const { PROVIDER_MAPPINGS } = (await tsImport(tables, import.meta.url)) as typeof import('./src/providers/tables/index.js');
      const compact = Object.fromEntries(
        Object.entries(PROVIDER_MAPPINGS).map(([id, mapping]) => [
          id,
          {
            sources: mapping.sources.map((source) => ({
              channel: source.channel,
              rules: source.rules.filter((rule) => rule.when === undefined).map(({ raw, type }) => ({ raw, type })),
            })),
            statuses: mapping.statuses.map(({ raw, status, channel }) => ({ raw, status, ...(channel !== undefined && { channel }) })),
          },
        ]),
      );
      return `export const PROVIDER_MAPPINGS = ${JSON.stringify(compact)};`;
    },
  };
}

/**
 * CDN build only: each chunk goes through Terser (two compress passes) before Rolldown's own minifier, which has no
 * second pass: each takes what the other leaves (440 B gzip off the CDN file when added). A build-time tool only:
 * nothing of it ships.
 */
function terserPass(): Plugin {
  return {
    name: 'estafette:terser',
    async renderChunk(code) {
      const { minify } = await import('terser');
      const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false }, sourceMap: { asObject: true } });
      return { code: out.code!, map: out.map as Exclude<typeof out.map, string | undefined> };
    },
  };
}

/**
 * The license notices of what the CDN files bundle, one comment at the top of each file (the minifier drops the
 * `@license` comments of the bundled modules): Lit's BSD-3-Clause and Floating UI's MIT licenses require them.
 */
const { version, license } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string; license: string };
function cdnNotice(chunk: { isEntry: boolean; name: string }): string {
  if (chunk.isEntry) {
    return `/*! Estafette ${version} | ${license} | bundles Lit, @lit/reactive-element, lit-html, lit-element, @lit/task, @lit/context: Copyright Google LLC, BSD-3-Clause */`;
  }
  if (chunk.name.startsWith('floating-ui')) return '/*! Floating UI | Copyright (c) 2021-present Floating UI contributors | MIT */';
  return '';
}

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    return {
      publicDir: false,
      plugins: [terserPass(), compactProviderTables(), shareCatalogueKeysPlugin(), stripTemplateCssPlugin(), stripTemplateIndentPlugin(), groupDecoratorsPlugin()],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'estafette.js' },
        // Lib-mode ES output is not whitespace-minified by build.minify: ask Rolldown directly. What the kit imports
        // on demand (the Floating UI tooltip fallback, catalogues beyond fr/en) goes to chunks beside the file,
        // fetched relative to it only by the pages that need them; everything else stays in the one file: a module
        // both the file and a chunk use would stay in the file (no third, shared chunk), but scripts/check-cdn.mjs
        // wants chunks that import nothing from it: a page loading `estafette.js?v=2` would otherwise run two copies.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          // No comment survives minification (the `@__PURE__` marks are for bundlers; nothing bundles this file):
          // the notices are added after it.
          output: { minify: true, comments: false, chunkFileNames: 'chunks/[name]-[hash].js', postBanner: cdnNotice },
        },
      },
    };
  }
  if (mode === 'loader') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: 'src/loader.ts', formats: ['es'], fileName: () => 'estafette-loader.js' },
        // The kit beside it: imported, never bundled into the loader.
        rolldownOptions: { external: ['./estafette.js'], output: { minify: true, comments: false } },
      },
    };
  }
  if (mode === 'lib') {
    return {
      publicDir: false,
      plugins: [stripTemplateCssPlugin()],
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: LIB_ENTRIES, formats: ['es'] },
        rolldownOptions: {
          external: [/^lit(\/|$)/, /^@lit\//, /^@floating-ui\//, /^msw(\/|$)/],
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
