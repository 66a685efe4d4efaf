import type { Plugin } from 'vite';
import type { SourceMap } from 'magic-string';

/** The id of the module holding the small helper, and its code. */
export const HELPER_ID: string;
export const HELPER: string;
/**
 * `code` (a module as the TypeScript transform left it) with each class's run of single-decorator field calls
 * grouped, and its source map; `null` when there is nothing to group.
 */
export function groupDecorators(code: string, parse: (code: string) => { body: unknown[] }): { code: string; map: SourceMap } | null;
/** The build step: a Vite plugin grouping the field decorators of the CDN file's classes. */
export function groupDecoratorsPlugin(): Plugin;
