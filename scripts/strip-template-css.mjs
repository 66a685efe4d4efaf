// @ts-check
// What the builds (vite.config.ts: the CDN file and the npm package; bench/vite.config.ts: the bench page) do to the CSS
// of our `css` templates: drop its comments, the whitespace CSS does not need (line breaks, indentation, spaces
// around `{`, `}`, `;` and `,`), and the semicolon before each `}`. The comments explain our choices to maintainers; pages need none of it, and no
// bundler strips it from a template literal. The transform comes with its source map, so the code after a stylesheet
// keeps its place. test/build/strip-template-css.test.ts checks that each stylesheet of the kit means the same to the
// browser once stripped.

/**
 * CSS text, or a `css` template's body, without comments and needless whitespace. A `${}` in a template (ours only
 * ever insert another template, itself stripped) is kept as it is. Whitespace is never needed next to `{`, `}`, `;`
 * or `,`, nor after a colon (the kit's stylesheets hold no string with one); elsewhere (a descendant combinator,
 * the parts of a value) one space stays.
 * @param {string} css
 */
export function stripCss(css) {
  return css
    .split(/(\$\{[^}]*\})/)
    .map((part, i) => (i % 2 ? part : part.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};,]) ?|(:) /g, '$1$2')))
    .join('');
}

/**
 * The last declaration of each block without its semicolon (`{a:1;b:2;}` becomes `{a:1;b:2}`): CSS separates
 * declarations with it, and needs none before a `}`. For text `stripCss` has stripped (no `;` and `}` then stand
 * apart); the kit's stylesheets hold no string or URL with `;}` in it. The builds apply it after `stripCss`.
 * @param {string} css
 */
export function dropLastSemicolons(css) {
  return css.replace(/;\}/g, '}');
}

/** The `css` templates of a module's source (ours hold no backtick). */
const CSS_TEMPLATE = /\bcss`([^`]*)`/g;

/**
 * A module's source with the body of each `css` template stripped.
 * @param {string} code
 */
export function stripTemplateCss(code) {
  return code.replace(CSS_TEMPLATE, (_, /** @type {string} */ body) => `css\`${stripCss(body)}\``);
}

/**
 * The build step: a Vite plugin stripping the `css` templates of the TypeScript modules under `src/`, with the
 * source map of the change.
 * @returns {import('vite').Plugin}
 */
export function stripTemplateCssPlugin() {
  // No node:url here, and magic-string imported only by the build: the browser test imports this module too.
  const src = decodeURIComponent(new URL('../src/', import.meta.url).pathname);
  return {
    name: 'estafette:strip-template-css',
    async transform(code, id) {
      if (!id.startsWith(src) || !id.endsWith('.ts') || !code.includes('css`')) return null;
      const { default: MagicString } = await import('magic-string');
      const out = new MagicString(code);
      for (const match of code.matchAll(CSS_TEMPLATE)) {
        const body = /** @type {string} */ (match[1]);
        const start = match.index + 4; // after css`
        const stripped = dropLastSemicolons(stripCss(body));
        if (stripped === body) continue;
        if (stripped === '') out.remove(start, start + body.length);
        else out.overwrite(start, start + body.length, stripped);
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true, source: id }) } : null;
    },
  };
}
