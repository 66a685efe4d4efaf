// @ts-check
// Test-server plugins that let the browser tests load the framework examples as they are written for users:
// - `estafette` and `estafette/<entry>` resolve to the sources (src/), as the package's exports would to dist/lib;
// - React (CommonJS only) is bundled once into ES modules, so react, react-dom and react/jsx-runtime share one copy;
//   React 18 (installed as `react-18` and `react-dom-18`) likewise, in a bundle of its own where `react` means 18;
// - `.jsx` files get React's automatic JSX runtime (the React example has no `import React`);
// - `.vue` files are compiled by Vue's own SFC compiler, with the custom-element tags declared as the example says, and
//   their TypeScript stripped;
// - the Angular example is compiled with the decorators Angular's compiler expects (TypeScript's experimental
//   ones), as an Angular project's tsconfig sets them; Angular compiles its template in the page (JIT);
// - `virtual:estafette-react` is what examples/react/generate-wrappers.mjs prints for custom-elements.json now;
//   `virtual:estafette-react-18` the same module importing React 18.
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

/**
 * The React modules the examples and tests import, each re-exporting its share of one bundle per React version:
 * the React 18 bundle resolves `react` inside react-dom to React 18 (`alias`), so each version has one copy.
 */
const REACT_VERSIONS = {
  react: { modules: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'], alias: {} },
  'react-18': { modules: ['react-18', 'react-dom-18', 'react-dom-18/client'], alias: { react: 'react-18', 'react-dom': 'react-dom-18' } },
};
const REACT_MODULES = Object.values(REACT_VERSIONS).flatMap((version) => version.modules);
const reactFile = (name) => `${PREFIX}react/${name.replace(/\//g, '__')}.js`;
const bundleFile = (version) => `${PREFIX}${version}-bundle.js`;
const versionOf = (name) => (name.startsWith('react-18') || name.startsWith('react-dom-18') ? 'react-18' : 'react');

const reactBundles = new Map();
function bundleReact(version) {
  const { modules, alias } = REACT_VERSIONS[version];
  const imports = modules.map((name, i) => `import * as m${i} from '${name}';`).join('\n');
  const contents = `${imports}\nexport const modules = { ${modules.map((name, i) => `'${name}': m${i}`).join(', ')} };\n`;
  if (!reactBundles.has(version)) {
    reactBundles.set(
      version,
      build({
        stdin: { contents, resolveDir: root.pathname, loader: 'js' },
        bundle: true,
        format: 'esm',
        write: false,
        alias,
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text),
    );
  }
  return reactBundles.get(version);
}

/**
 * Export names of the CommonJS modules, read in a child Node process per version (React patches the console it
 * loads in), where `react` is resolved as the bundle's alias says.
 */
const reactNames = new Map();
async function exportNames(name) {
  const version = versionOf(name);
  const { modules, alias } = REACT_VERSIONS[version];
  const script = `const Module = require('node:module');
    const alias = ${JSON.stringify(alias)};
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) { return resolve.call(this, alias[request] ?? request, ...rest); };
    const r = Module.createRequire(process.cwd() + '/');
    console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(modules)}.map((n) => [n, Object.keys(r(n))]))));`;
  if (!reactNames.has(version)) {
    reactNames.set(version, run(process.execPath, ['-e', script], { cwd: root.pathname }).then(({ stdout }) => JSON.parse(stdout)));
  }
  return (await reactNames.get(version))[name].filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
}

async function reactShim(name) {
  const names = await exportNames(name);
  return [
    `import { modules } from '${bundleFile(versionOf(name))}';`,
    `const m = modules['${name}'];`,
    `export default m.default ?? m;`,
    `export const { ${names.join(', ')} } = m;`,
  ].join('\n');
}

/** The wrappers module, generated as users generate it (README): the script, the manifest path, the module on stdout. */
let wrappers;
async function wrappersModule(version) {
  wrappers ??= run(process.execPath, ['examples/react/generate-wrappers.mjs', 'custom-elements.json'], { cwd: root.pathname }).then(({ stdout }) => stdout);
  const module = await wrappers;
  if (version === 'react') return module;
  if (!module.includes("from 'react';")) throw new Error('generate-wrappers.mjs no longer imports react as expected');
  return module.replace("from 'react';", `from '${version}';`);
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
      if (source === 'virtual:estafette-react-18') return `${PREFIX}estafette-react-18.js`;
      return undefined;
    },
    async serve(context) {
      if (context.path.startsWith('/examples/angular/') && context.path.endsWith('.ts')) {
        const source = readFileSync(new URL(`.${context.path}`, root), 'utf8');
        const { code } = await transform(source, {
          loader: 'ts',
          target: 'es2022',
          sourcefile: context.path,
          sourcemap: 'inline',
          tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
        });
        return { body: code, type: 'js' };
      }
      const bundle = Object.keys(REACT_VERSIONS).find((version) => context.path === bundleFile(version));
      if (bundle) return { body: await bundleReact(bundle), type: 'js' };
      const shim = REACT_MODULES.find((name) => context.path === reactFile(name));
      if (shim) return { body: await reactShim(shim), type: 'js' };
      if (context.path === `${PREFIX}estafette-react.js`) return { body: await wrappersModule('react'), type: 'js' };
      if (context.path === `${PREFIX}estafette-react-18.js`) return { body: await wrappersModule('react-18'), type: 'js' };
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
        if (descriptor.scriptSetup?.lang !== 'ts') return { body: script.content };
        // <script setup lang="ts">: the types stripped, as Vite does.
        const { code } = await transform(script.content, { loader: 'ts', sourcefile: context.path });
        return { body: code };
      }
      return undefined;
    },
  };
}
