// @ts-check
// What the CDN build does to the elements' decorators (vite.config.ts). TypeScript's legacy decorators become, per
// decorated field, one call of the generic `__decorate` helper: `_decorate([property({…})], X.prototype, "name",
// void 0);`, written out for each of the 66 reactive properties, and the helper itself handles class, method and
// accessor decorators and Reflect.decorate, none of which the kit uses. Where a module's fields each carry one Lit
// `property()` or `state()` decorator, the calls of one class become a single call of a small helper that applies
// each decorator as `__decorate` does for a field (`decorator(prototype, name)`, and the descriptor it may return
// defined): same decorators, same order, on the same prototypes. Anything else stays a `_decorate` call.
// About 0.2 KB gzipped. test/node/group-decorators.test.ts checks the step, and that the decorators run the same.
import MagicString from 'magic-string';

/** The helper the TypeScript transform imports for legacy decorators. */
const DECORATE = /^@oxc-project\/runtime\/helpers\/decorate(\.js)?$/;
/** The Lit decorators whose factories only capture their options: calling them first changes nothing. */
const LIT_DECORATORS = new Set(['property', 'state']);
export const HELPER_ID = '\0estafette:decorate-fields';
export const HELPER = `export function decorateFields(prototype, ...fields) {
  for (let i = 0; i < fields.length; i += 2) {
    const name = fields[i], descriptor = fields[i + 1](prototype, name);
    if (descriptor) Object.defineProperty(prototype, name, descriptor);
  }
}`;

/**
 * @typedef {{ type: string, start: number, end: number, [key: string]: any }} Node
 * @typedef {(code: string) => { body: Node[] }} Parse
 */

/**
 * `code` (a module as the TypeScript transform left it) with each class's run of single-decorator field calls
 * grouped, and its source map; `null` when there is nothing to group.
 * @param {string} code
 * @param {Parse} parse
 */
export function groupDecorators(code, parse) {
  if (!code.includes('@oxc-project/runtime/helpers/decorate')) return null;
  const { body } = parse(code);
  let helperImport;
  const litDecorators = new Set();
  for (const node of body) {
    if (node.type !== 'ImportDeclaration') continue;
    if (DECORATE.test(node.source.value) && node.specifiers.length === 1 && node.specifiers[0].type === 'ImportDefaultSpecifier') helperImport = node;
    if (node.source.value === 'lit/decorators.js') {
      for (const s of node.specifiers) if (s.type === 'ImportSpecifier' && LIT_DECORATORS.has(s.imported.name)) litDecorators.add(s.local.name);
    }
  }
  if (!helperImport) return null;
  const decorate = helperImport.specifiers[0].local.name;
  /** The class and field of `_decorate([litDecorator(…)], Class.prototype, "field", void 0);`, else undefined. */
  const field = (/** @type {Node} */ node) => {
    const call = node.type === 'ExpressionStatement' ? node.expression : undefined;
    if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== decorate) return undefined;
    const [decorators, target, name, descriptor, ...rest] = call.arguments;
    const ok =
      rest.length === 0 &&
      decorators?.type === 'ArrayExpression' &&
      decorators.elements.length === 1 &&
      decorators.elements[0]?.type === 'CallExpression' &&
      decorators.elements[0].callee.type === 'Identifier' &&
      litDecorators.has(decorators.elements[0].callee.name) &&
      target?.type === 'MemberExpression' &&
      !target.computed &&
      target.object.type === 'Identifier' &&
      target.property.name === 'prototype' &&
      name?.type === 'Literal' &&
      typeof name.value === 'string' &&
      descriptor?.type === 'UnaryExpression' &&
      descriptor.operator === 'void';
    return ok ? { node, className: target.object.name, name, decorator: decorators.elements[0] } : undefined;
  };
  /** @type {{ className: string, fields: NonNullable<ReturnType<typeof field>>[] }[]} */
  const runs = [];
  let previous;
  for (const node of body) {
    const f = field(node);
    if (f && previous && previous.className === f.className) previous.fields.push(f);
    else if (f) runs.push((previous = { className: f.className, fields: [f] }));
    else previous = undefined;
  }
  if (runs.length === 0) return null;
  const out = new MagicString(code);
  for (const { className, fields } of runs) {
    const args = fields.flatMap((f) => [code.slice(f.name.start, f.name.end), code.slice(f.decorator.start, f.decorator.end)]);
    out.overwrite(fields[0].node.start, fields.at(-1).node.end, `_decorateFields(${className}.prototype, ${args.join(', ')});`);
  }
  const grouped = runs.reduce((n, run) => n + run.fields.length, 0);
  const calls = body.filter((node) => node.type === 'ExpressionStatement' && node.expression.type === 'CallExpression' && node.expression.callee.name === decorate).length;
  const helper = `import { decorateFields as _decorateFields } from ${JSON.stringify(HELPER_ID)};`;
  // The generic helper stays for what was not grouped.
  if (grouped === calls) out.overwrite(helperImport.start, helperImport.end, helper);
  else out.appendRight(helperImport.end, `\n${helper}`);
  return { code: out.toString(), map: out.generateMap({ hires: true }) };
}

/**
 * The build step (the CDN file).
 * @returns {import('vite').Plugin}
 */
export function groupDecoratorsPlugin() {
  return {
    name: 'estafette:group-decorators',
    enforce: 'post',
    resolveId: (id) => (id === HELPER_ID ? id : null),
    load: (id) => (id === HELPER_ID ? HELPER : null),
    transform(code, id) {
      return id.endsWith('.ts') ? groupDecorators(code, (source) => /** @type {any} */ (this.parse(source))) : null;
    },
  };
}
