// @ts-check
// What the CDN build does to its chunks (vite.config.ts): drops the spaces and tabs that start a line. In JavaScript
// code they mean nothing; inside a template literal they are text, and the kit's only multi-line template literals
// are its `html`, `svg` and `css` templates (the one other has its line breaks inside `${}`), where indentation after
// a line break is whitespace the browser collapses: no element of the kit puts a template's own text under
// `white-space: pre`. The minifier keeps a template literal's text as it is, so the file carried the templates'
// source indentation: about 0.4 KB of it gzipped. test/node/strip-template-indent.test.ts checks the step and its
// source map.
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
 * The build step (the CDN file and its chunks).
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
