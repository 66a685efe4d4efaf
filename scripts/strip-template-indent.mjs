// @ts-check
// What the CDN build does to its minified chunks (vite.config.ts): drops the indentation of the lines of our `html`,
// `svg` and `css` templates. The minifier keeps a template literal's text as it is, line breaks and indentation
// included; in minified code a raw line break can only be inside a template literal (strings and regular expressions
// cannot hold one, comments are gone), and the kit's only multi-line template literals are its markup and styles.
// There, indentation after a line break is whitespace that the browser collapses (no element of the kit puts a
// template's own whitespace under `white-space: pre`). About 0.4 KB of the gzipped CDN file.
// test/node/strip-template-indent.test.ts checks it and its source map.
import MagicString from 'magic-string';

/**
 * `code` without the spaces and tabs that follow each line break, with the source map of the change.
 * @param {string} code
 */
export function stripLineIndentation(code) {
  const out = new MagicString(code);
  for (const match of code.matchAll(/\n[ \t]+/g)) out.remove(match.index + 1, match.index + match[0].length);
  return { code: out.toString(), map: out.generateMap({ hires: true }) };
}

/**
 * The build step, for minified output only: unminified code has line breaks and indentation everywhere.
 * @returns {import('vite').Plugin}
 */
export function stripTemplateIndentPlugin() {
  return {
    name: 'estafette:strip-template-indent',
    renderChunk(code) {
      return /\n[ \t]/.test(code) ? stripLineIndentation(code) : null;
    },
  };
}
