import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
// custom-elements.json: what Storybook's docs and editors read. Built from the JSDoc of the elements.
/**
 * The manifest as the package publishes it: module paths point at the built files the package ships
 * (`dist/lib/elements/campaign-stats/campaign-stats.js`), not at our TypeScript sources, which it does not ship; and
 * each element's `define.js` says which tag it registers (`custom-element-definition`), which the analyzer cannot see
 * through our `define()` helper. Tools that turn the manifest into imports (JSX typings, editor data) then import
 * what is there.
 */
function publishedPaths() {
  // The CDN entries are built apart; a module of types alone has no JavaScript, only its declaration file.
  const BUILT_APART = { 'src/cdn': 'dist/cdn/estafette.js', 'src/loader': 'dist/cdn/estafette-loader.js' };
  const typesOnly = (source) => !/^export (?!type\b|interface\b)/m.test(readFileSync(source, 'utf8'));
  const published = (path) => {
    const match = /^\/?src\/(.*)\.(ts|js)$/.exec(path);
    if (!match) return path;
    const source = `src/${match[1]}`;
    if (BUILT_APART[source]) return BUILT_APART[source];
    return existsSync(`${source}.ts`) && typesOnly(`${source}.ts`) ? `dist/types/${match[1]}.d.ts` : `dist/lib/${match[1]}.js`;
  };
  const rewrite = (value) => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = published(inner);
        else rewrite(inner);
      }
    }
  };
  return {
    name: 'estafette-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const elements = modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ d, mod })));
      for (const { d, mod } of elements) {
        const define = modules.find((m) => m.path === mod.path.replace(/[^/]+\.ts$/, 'define.ts'));
        (define ?? mod).exports = [...((define ?? mod).exports ?? []), { kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } }];
      }
      rewrite(modules);
    },
  };
}

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

/** The shared theme tokens (THEME_TOKENS in src/styles/theme-tokens.ts) are described once, there. Each element gets the
 * ones its stylesheets really draw with (found in its `elementStyles`, loaded in Node through Lit's DOM shim), with
 * that description and default; its JSDoc documents only its own tokens (`--estafette-badge-*` and the like).
 *
 * "Draws with": the shared token sheet defines private properties for every element (`--_accent:
 * var(--estafette-accent, ...)`) whether or not its rules use them, so a token counts only when a real property
 * reads it, directly or through private properties (`--_reached: var(--_accent)`, then `color: var(--_reached)`).
 * test/theme/theme-tokens.test.ts checks the result on screen, element by element. */
function tokensDrawnWith(cssText) {
  const definitions = new Map(); // --_name -> every var() name its values read
  const direct = new Set(); // var() names read by ordinary properties
  for (const [, property, value] of cssText.matchAll(/([\w-]+)\s*:\s*([^;{}]+)/g)) {
    const names = [...value.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
    if (property.startsWith('--_')) {
      const list = definitions.get(property) ?? [];
      list.push(...names);
      definitions.set(property, list);
    } else if (!property.startsWith('--')) {
      for (const name of names) direct.add(name);
    }
  }
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of definitions.get(name) ?? []) visit(next);
  };
  for (const name of direct) visit(name);
  return new Set([...seen].filter((name) => name.startsWith('--estafette-')));
}

const { tsImport } = await import('tsx/esm/api');
const { THEME_TOKENS } = await tsImport('./src/styles/theme-tokens.ts', import.meta.url);
await tsImport('./src/define.ts', import.meta.url);

function sharedTokenDocs() {
  return {
    name: 'estafette-shared-token-docs',
    // The analyzer does not await plugins: the imports happen when the config loads (top-level await below).
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const element = declaration.tagName && globalThis.customElements?.get(declaration.tagName);
          if (!element) continue;
          const css = (element.elementStyles ?? []).map((sheet) => sheet.cssText ?? '').join('\n');
          const read = tokensDrawnWith(css);
          const own = declaration.cssProperties ?? [];
          const listed = new Set(own.map((property) => property.name));
          const shared = THEME_TOKENS.filter((token) => read.has(token.name) && !listed.has(token.name))
            .map(({ name, description, default: value }) => ({ name, description, default: value }));
          if (own.length || shared.length) declaration.cssProperties = [...own, ...shared];
        }
      }
    },
  };
}

/**
 * The elements' attribute and property types written as the project's own names for a set of words (`LiveMode`,
 * `CampaignStatsLayout`, `Channel`) are spelled out as those words (`'sse' | 'poll' | 'off'`): tools that write
 * framework typings or editor data from the manifest cannot import a name the manifest does not locate, and an editor
 * offers the words as the attribute's values. Resolves aliases of string unions, `(typeof LIST)[number]` of a list
 * `as const` and `keyof typeof OBJECT`; test/node/manifest-runtime.test.ts checks that none is left.
 */
function spelledOutWords() {
  const lists = new Map(); // const name -> its words (an array of strings `as const`, or an object's keys)
  const aliases = new Map(); // type name -> () => its words, or undefined
  const words = (values) => values.map((value) => `'${value}'`).join(' | ');
  return {
    name: 'estafette-spelled-out-words',
    analyzePhase({ ts, node }) {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        let value = node.initializer;
        while (ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
        if (ts.isArrayLiteralExpression(value) && value.elements.every(ts.isStringLiteral)) lists.set(node.name.text, value.elements.map((e) => e.text));
        if (ts.isObjectLiteralExpression(value)) {
          lists.set(node.name.text, value.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined)));
        }
      }
      if (!ts.isTypeAliasDeclaration(node)) return;
      const type = node.type;
      const listOf = (query) => (ts.isTypeQueryNode(query) && ts.isIdentifier(query.exprName) ? () => lists.get(query.exprName.text) : undefined);
      let resolve;
      if (ts.isUnionTypeNode(type) && type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
        resolve = () => type.types.map((t) => t.literal.text);
      } else if (ts.isIndexedAccessTypeNode(type) && type.indexType.kind === ts.SyntaxKind.NumberKeyword) {
        resolve = listOf(ts.isParenthesizedTypeNode(type.objectType) ? type.objectType.type : type.objectType);
      } else if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) {
        resolve = listOf(type.type);
      }
      if (resolve) aliases.set(node.name.text, resolve);
    },
    packageLinkPhase({ customElementsManifest }) {
      const spell = (text) =>
        text.replace(/\b[A-Z]\w*\b/g, (name) => {
          const values = aliases.get(name)?.();
          return values?.length && values.every((value) => typeof value === 'string') ? words(values) : name;
        });
      for (const declaration of (customElementsManifest.modules ?? []).flatMap((mod) => mod.declarations ?? [])) {
        if (!declaration.tagName) continue;
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
          if (item.type?.text) item.type.text = spell(item.type.text);
        }
      }
    },
  };
}

/**
 * The elements' attribute, property and event types that name a type the package exports (`Thresholds`,
 * `MetricSelectEvent`, `StatusDataSource | undefined`) get `references` to it, as the schema has them: the name, its
 * place in the type text and the module it is exported from (`estafette`'s main entry, `src/index.ts`, which
 * publishedPaths turns into the published file): a tool writing framework typings or docs from the manifest can import
 * it instead of seeing a bare name. test/node/manifest-runtime.test.ts checks them.
 */
function typeReferences() {
  const ENTRY = 'src/index.ts';
  const program = ts.createProgram([ENTRY], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, experimentalDecorators: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const exported = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(ENTRY))).map((symbol) => symbol.name));
  const reference = (type) => {
    if (!type?.text) return;
    const references = [...type.text.matchAll(/\b[A-Z]\w*\b/g)]
      .filter(([name]) => exported.has(name))
      .map((match) => ({ name: match[0], module: ENTRY, start: match.index, end: match.index + match[0].length }));
    if (references.length) type.references = references;
  };
  return {
    name: 'estafette-type-references',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of (customElementsManifest.modules ?? []).flatMap((mod) => mod.declarations ?? [])) {
        if (!declaration.tagName) continue;
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? []), ...(declaration.events ?? [])]) reference(item.type);
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Stylesheets are not API (tokens are documented on the elements): keep their CSS text out of the manifest. Nor
  // are the catalogues' texts and the providers' mapping tables (data, a quarter of the manifest's size): their
  // types and the functions that read them are documented where they are declared.
  // theme-tokens.ts is read by the sharedTokenDocs plugin above, not shipped as a module of its own.
  // src/frameworks holds the framework typings (estafette/react, estafette/vue): declarations, not the elements' modules.
  exclude: ['src/mocks/**', 'src/demo/**', 'src/frameworks/**', 'src/**/*.styles.ts', 'src/i18n/messages/**', 'src/providers/tables/**', 'src/styles/theme-tokens.ts'],
  litelement: true,
  outdir: '.',
  plugins: [stableManifest(), sharedTokenDocs(), spelledOutWords(), typeReferences(), publishedPaths()],
};
