// custom-elements.json: what Storybook's docs and editors read. Built from the JSDoc of the elements.
/** Keeps the manifest stable and clean: modules in path order, and no nameless events (the analyzer lists
 * `this.dispatchEvent(new SomeEvent())` calls as events without a name; the named `@fires` entries describe them). */
function stableManifest() {
  return {
    name: 'estafette-stable-manifest',
    packageLinkPhase({ customElementsManifest }) {
      // Files are globbed in directory order, which differs between machines: sort, so CI can compare.
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
        }
      }
    },
  };
}

/** The shared theme tokens (THEME_TOKENS in src/styles/tokens.ts) are described once, there. Each element gets the
 * ones its stylesheets really read (found in its `elementStyles`, loaded in Node through Lit's DOM shim), with that
 * description and default; its JSDoc documents only its own tokens (`--estafette-badge-*` and the like). */
const { tsImport } = await import('tsx/esm/api');
const { THEME_TOKENS } = await tsImport('./src/styles/tokens.ts', import.meta.url);
await tsImport('./src/define.ts', import.meta.url);

function sharedTokenDocs() {
  return {
    name: 'estafette-shared-token-docs',
    // The analyzer does not await plugins: the imports happen when the config loads (top-level await below).
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const element = declaration.tagName && globalThis.customElements?.get(declaration.tagName);
          if (!element) continue;
          const css = (element.elementStyles ?? []).map((sheet) => sheet.cssText ?? '').join('\n');
          const read = new Set([...css.matchAll(/var\(\s*(--estafette-[a-z0-9-]+)/g)].map((m) => m[1]));
          const own = declaration.cssProperties ?? [];
          const listed = new Set(own.map((property) => property.name));
          const shared = THEME_TOKENS.filter((token) => read.has(token.name) && !listed.has(token.name))
            .map(({ name, description, default: value }) => ({ name, description, default: value }));
          if (own.length || shared.length) declaration.cssProperties = [...own, ...shared];
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Stylesheets are not API (tokens are documented on the elements): keep their CSS text out of the manifest. Nor
  // are the catalogues' texts and the providers' mapping tables (data, a quarter of the manifest's size): their
  // types and the functions that read them are documented where they are declared.
  exclude: ['src/mocks/**', 'src/demo/**', 'src/**/*.styles.ts', 'src/i18n/messages/**', 'src/providers/tables/**'],
  litelement: true,
  outdir: '.',
  plugins: [stableManifest(), sharedTokenDocs()],
};
