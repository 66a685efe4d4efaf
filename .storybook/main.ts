import { realpathSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages for the element stories (tagged 'autodocs'), their ArgTypes tables read from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  staticDirs: ['../public'], // serves /mockServiceWorker.js for the stories fed by the MSW mock API
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Vite serves only files under the project. A checkout whose node_modules is a link to another one's (a git
  // worktree sharing the main checkout's) has Storybook's mocker runtime, resolved through the link, outside it:
  // Vite would not load it and the preview's /vite-inject-mocker-entry.js answered 404. Allowed: the project, as by
  // default, and wherever its node_modules really is.
  async viteFinal(viteConfig) {
    const { mergeConfig, searchForWorkspaceRoot } = await import('vite');
    return mergeConfig(viteConfig, { server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] } } });
  },
};
export default config;
