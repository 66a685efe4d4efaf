import { expect } from 'chai';
import { realpathSync } from 'node:fs';
import { isFileServingAllowed, resolveConfig } from 'vite';
import config from '../../.storybook/main.js';

// Storybook's preview page loads its mocker runtime as /vite-inject-mocker-entry.js; its dev server answers 404 when
// Vite may not serve that file (outside `server.fs.allow`): the case of a git worktree whose node_modules links to a
// checkout's. (In a checkout with its own node_modules the file is inside the project either way.)
describe('Storybook dev server', () => {
  it('may serve Storybook\'s mocker runtime, wherever node_modules really is', async () => {
    // Where Node resolves it (import.meta.resolve in the builder): links followed.
    const runtime = realpathSync('node_modules/storybook/dist/mocking-utils/mocker-runtime.js');
    // As Storybook's builder sets it (fs.strict), then through the project's viteFinal, if any.
    const base = { server: { fs: { strict: true } } };
    const viteFinal = config.viteFinal as ((c: object, o: object) => Promise<{ server?: object }> | { server?: object }) | undefined;
    const final = viteFinal ? await viteFinal(base, {}) : base;
    const resolved = await resolveConfig({ configFile: false, root: process.cwd(), logLevel: 'silent', server: final.server ?? {} }, 'serve');
    expect(isFileServingAllowed(resolved, runtime), runtime).to.equal(true);
  });
});
