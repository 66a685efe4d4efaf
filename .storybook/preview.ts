import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json' with { type: 'json' };
import { RestDataSource, getDefaultSource, setDefaultSource } from '../src/data/index.js';
import '../src/define.js';
import { removeAddedMessages } from '../src/i18n/index.js';
import { argTypesFromManifest, descriptionFromManifest } from './custom-elements-docs.js';

// Attributes, properties, events, slots, parts and CSS properties in the Docs pages and the Controls panel come from
// the JSDoc collected into custom-elements.json, looked up by each meta's `component` (the tag name).
setCustomElementsManifest(manifest);

let mockApi: Promise<unknown> | undefined;

const preview: Preview = {
  // Stories that load by id read from the MSW mock API (statuses keep progressing: the last hour replayed ten times faster, then in real time).
  loaders: [
    async ({ parameters }) => {
      // A story's own wording (addMessages) stays with that story.
      removeAddedMessages();
      mockApi ??= import('../src/mocks/index.js').then(({ startMockApi }) =>
        startMockApi({ speed: 10, serviceWorkerUrl: './mockServiceWorker.js' }));
      await mockApi;
      // `parameters: { noDataSource: true }`: a story showing what an element says with no source anywhere.
      if (parameters['noDataSource']) setDefaultSource(undefined);
      else if (!getDefaultSource()) setDefaultSource(new RestDataSource({ baseUrl: '/api' }));
      return {};
    },
  ],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'es', title: 'Español' },
          { value: 'it', title: 'Italiano' },
          { value: 'nl', title: 'Nederlands' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Color theme',
      toolbar: { title: 'Theme', icon: 'contrast', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }, { value: 'system', title: 'System (prefers-color-scheme)' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr', theme: 'light' },
  decorators: [
    // Elements take their language from the closest [lang] and their theme from color-scheme.
    (story, { globals, viewMode }) => {
      const theme = globals.theme === 'dark' ? 'dark' : globals.theme === 'system' ? 'light dark' : 'light';
      if (viewMode === 'docs') {
        // On a Docs page the page itself (text, ArgTypes table, controls) stays Storybook's; each inline story gets
        // the theme's surface of its own.
        const surface = `color-scheme: ${theme}; background: light-dark(#ffffff, #111418); color: light-dark(#1f2328, #e8eaed); padding: 0.5rem`;
        return html`<div lang=${globals.locale ?? 'fr'} data-theme=${globals.theme ?? 'light'} style=${surface}>${story()}</div>`;
      }
      document.documentElement.style.colorScheme = theme;
      document.body.style.background = 'light-dark(#ffffff, #111418)';
      document.body.style.color = 'light-dark(#1f2328, #e8eaed)';
      return html`<div lang=${globals.locale ?? 'fr'} data-theme=${globals.theme ?? 'light'} style="color-scheme: ${theme}">${story()}</div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    docs: {
      extractArgTypes: (component: unknown) => argTypesFromManifest(manifest, component),
      extractComponentDescription: (component: unknown) => descriptionFromManifest(manifest, component),
    },
  },
};
export default preview;
