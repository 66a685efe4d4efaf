import { realpathSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { searchForWorkspaceRoot } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages for the element stories (tagged 'autodocs'), their ArgTypes tables read from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  staticDirs: ['../public'], // serves /mockServiceWorker.js for the stories fed by the MSW mock API
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The dev server serves files from the project only (fs.strict), and Storybook's mocker runtime, which its preview
  // loads as /vite-inject-mocker-entry.js, is served from where node_modules really is: elsewhere when node_modules
  // is a link (a git worktree sharing a checkout's), which made that request a 404. Its real place is allowed too.
  viteFinal: (config) => ({
    ...config,
    server: {
      ...config.server,
      fs: { ...config.server?.fs, allow: [...(config.server?.fs?.allow ?? [searchForWorkspaceRoot(process.cwd())]), realpathSync('node_modules')] },
    },
  }),
};
export default config;
