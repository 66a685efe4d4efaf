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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/mocks/**', 'src/demo/**'],
  litelement: true,
  outdir: '.',
  plugins: [stableManifest()],
};
