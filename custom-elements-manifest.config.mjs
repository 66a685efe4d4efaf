// custom-elements.json: what Storybook's docs and editors read. Built from the JSDoc of the elements.
/** The analyzer also lists `this.dispatchEvent(new SomeEvent())` calls as events without a name; the named
 * `@fires` entries already describe them. */
function dropUnnamedEvents() {
  return {
    name: 'estafette-drop-unnamed-events',
    packageLinkPhase({ customElementsManifest }) {
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
  plugins: [dropUnnamedEvents()],
};
