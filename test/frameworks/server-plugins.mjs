// @ts-check
// Test-server plugins that let the browser tests load the framework examples as they are written for users:
// - `estafette` and `estafette/<entry>` resolve to the sources (src/), as the package's exports would to dist/lib;
// - React (CommonJS only) is bundled once into ES modules, so react, react-dom and react/jsx-runtime share one copy;
// - `.jsx` files get React's automatic JSX runtime (the React example has no `import React`);
// - `.vue` files are compiled by Vue's own SFC compiler, with the custom-element tags declared as the example says;
// - `virtual:estafette-react` is what examples/react/generate-wrappers.mjs prints for custom-elements.json now.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { build, transform } from 'esbuild';
import { compileScript, parse } from 'vue/compiler-sfc';

const root = new URL('../../', import.meta.url);
const PREFIX = '/__frameworks/';
const run = promisify(execFile);

/** The four tags, for Vue's `isCustomElement` (as the Vue example tells users to configure it). */
export const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];

/** `estafette/x` → `/src/x.ts`, from the package's own exports (dist/lib/x.js is the build of src/x.ts). */
function estafetteEntries() {
  const { exports } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  /** @type {Map<string, string>} */
  const entries = new Map();
  for (const [key, target] of Object.entries(exports)) {
    const file = typeof target === 'object' ? target.default : undefined;
    if (typeof file === 'string' && file.startsWith('./dist/lib/')) {
      entries.set(key.replace(/^\./, 'estafette'), file.replace('./dist/lib/', '/src/').replace(/\.js$/, '.ts'));
    }
  }
  return entries;
}

/** The React modules the examples and tests import, each re-exporting its share of one bundle. */
const REACT_MODULES = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const reactFile = (name) => `${PREFIX}react/${name.replace(/\//g, '__')}.js`;

let reactBundle;
function bundleReact() {
  const imports = REACT_MODULES.map((name, i) => `import * as m${i} from '${name}';`).join('\n');
  const contents = `${imports}\nexport const modules = { ${REACT_MODULES.map((name, i) => `'${name}': m${i}`).join(', ')} };\n`;
  return (reactBundle ??= build({
    stdin: { contents, resolveDir: root.pathname, loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text));
}

/** Export names of the CommonJS modules, read in a child Node process (React patches the console it loads in). */
let reactNames;
async function exportNames(name) {
  const script = `const r = require('node:module').createRequire(process.cwd() + '/');
    console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(REACT_MODULES)}.map((n) => [n, Object.keys(r(n))]))));`;
  reactNames ??= run(process.execPath, ['-e', script], { cwd: root.pathname }).then(({ stdout }) => JSON.parse(stdout));
  return (await reactNames)[name].filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
}

async function reactShim(name) {
  const names = await exportNames(name);
  return [
    `import { modules } from '${PREFIX}react-bundle.js';`,
    `const m = modules['${name}'];`,
    `export default m.default ?? m;`,
    `export const { ${names.join(', ')} } = m;`,
  ].join('\n');
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function frameworkPlugins() {
  const entries = estafetteEntries();
  return {
    name: 'estafette-frameworks',
    resolveImport({ source }) {
      if (entries.has(source)) return entries.get(source);
      if (REACT_MODULES.includes(source)) return reactFile(source);
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
      if (source === 'virtual:estafette-react') return `${PREFIX}estafette-react.js`;
      return undefined;
    },
    async serve(context) {
      if (context.path === `${PREFIX}react-bundle.js`) return { body: await bundleReact(), type: 'js' };
      const shim = REACT_MODULES.find((name) => context.path === reactFile(name));
      if (shim) return { body: await reactShim(shim), type: 'js' };
      if (context.path === `${PREFIX}estafette-react.js`) {
        // Run as users run it (README): the script, the manifest path, the module on stdout.
        const { stdout } = await run(process.execPath, ['examples/react/generate-wrappers.mjs', 'custom-elements.json'], { cwd: root.pathname });
        return { body: stdout, type: 'js' };
      }
      return undefined;
    },
    resolveMimeType(context) {
      if (context.path.endsWith('.jsx') || context.path.endsWith('.vue')) return 'js';
      return undefined;
    },
    async transform(context) {
      if (context.path.endsWith('.jsx')) {
        const { code } = await transform(String(context.body), { loader: 'jsx', jsx: 'automatic', sourcefile: context.path, sourcemap: 'inline' });
        return { body: code };
      }
      if (context.path.endsWith('.vue')) {
        // What vite.config's `vue({ template: { compilerOptions } })` does: the template is parsed knowing the tags.
        const compilerOptions = { isCustomElement: (tag) => TAGS.includes(tag) };
        const { descriptor, errors } = parse(String(context.body), { filename: context.path, templateParseOptions: compilerOptions });
        if (errors.length) throw errors[0];
        const script = compileScript(descriptor, { id: context.path, inlineTemplate: true, templateOptions: { compilerOptions } });
        return { body: script.content };
      }
      return undefined;
    },
  };
}
