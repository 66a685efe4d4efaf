import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages for the element stories (tagged 'autodocs'), their ArgTypes tables read from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  staticDirs: ['../public'], // serves /mockServiceWorker.js for the stories fed by the MSW mock API
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};
export default config;
