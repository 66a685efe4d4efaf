import type { TestRunnerPlugin } from '@web/test-runner';

/** The four tags, for Vue's `isCustomElement`. */
export declare const TAGS: readonly string[];
/** The test server's plugins for the framework examples (see server-plugins.mjs). */
export declare function frameworkPlugins(): TestRunnerPlugin;
