import type { Plugin } from 'vite';
import type { SourceMap } from 'magic-string';

/** `code` without the spaces and tabs that follow each line break, with the source map of the change. */
export function stripLineIndentation(code: string): { code: string; map: SourceMap };
/** The build step: a Vite plugin dropping the indentation of the CDN chunks' lines. */
export function stripTemplateIndentPlugin(): Plugin;
