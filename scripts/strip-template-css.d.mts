import type { Plugin } from 'vite';

/** CSS text, or a `css` template's body, without comments and needless whitespace (`${}` kept as they are). */
export function stripCss(css: string): string;
/** Stripped CSS without the semicolon before each `}` (what the builds do after `stripCss`). */
export function dropLastSemicolons(css: string): string;
/** A module's source with the body of each `css` template stripped. */
export function stripTemplateCss(code: string): string;
/** The build step: a Vite plugin stripping the `css` templates of the modules under `src/`. */
export function stripTemplateCssPlugin(): Plugin;
