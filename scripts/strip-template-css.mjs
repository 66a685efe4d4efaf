// @ts-check
// What the builds (vite.config.ts: the CDN file and the npm package; bench/vite.config.ts: the bench page) do to the CSS of our `css` templates: drop its
// comments and line indentation. The comments explain our choices to maintainers; pages need none of it, and no
// bundler strips it from a template literal. Every comment is on lines of its own and leaves its line breaks behind,
// so lines do not move (source maps stay right line by line). test/build/strip-template-css.test.ts checks that
// each stylesheet of the kit means the same to the browser once stripped.

/**
 * CSS text without comments and without the indentation of its lines.
 * @param {string} css
 */
export function stripCss(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, '')).replace(/^[ \t]+/gm, '');
}

/**
 * A module's source with the body of each `css` template stripped (our templates hold no backtick; a `${}` in one
 * only ever inserts another, itself stripped, template).
 * @param {string} code
 */
export function stripTemplateCss(code) {
  return code.replace(/\bcss`([^`]*)`/g, (_, /** @type {string} */ body) => `css\`${stripCss(body)}\``);
}

/**
 * The build step: a Vite plugin stripping the `css` templates of the TypeScript modules under `src/`. Lines are
 * kept, so the source map of the transform is the identity line by line (`map: null`).
 * @returns {import('vite').Plugin}
 */
export function stripTemplateCssPlugin() {
  // No node:url here: the browser test imports this module too.
  const src = decodeURIComponent(new URL('../src/', import.meta.url).pathname);
  return {
    name: 'estafette:strip-template-css',
    transform(code, id) {
      if (!id.startsWith(src) || !id.endsWith('.ts') || !code.includes('css`')) return null;
      const stripped = stripTemplateCss(code);
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}
