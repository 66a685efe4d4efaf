/// <reference types="node" />
// custom-elements.json read as the framework examples and the React wrapper generator see it: per tag, its class,
// attributes, public properties and events.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export interface ElementApi {
  readonly tag: string;
  readonly className: string;
  readonly attributes: ReadonlySet<string>;
  readonly properties: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
}

interface Declaration {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: { name: string }[];
  members?: { kind: string; name: string; static?: boolean; privacy?: string }[];
  events?: { name?: string }[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

export const readManifest = (path = resolve(root, 'custom-elements.json')): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

/** The registered elements (those with a tag), by tag. */
export function elementsOf(manifest: Manifest = readManifest()): Map<string, ElementApi> {
  const elements = new Map<string, ElementApi>();
  for (const declaration of manifest.modules.flatMap((mod) => mod.declarations ?? [])) {
    if (!declaration.customElement || !declaration.tagName) continue;
    elements.set(declaration.tagName, {
      tag: declaration.tagName,
      className: declaration.name,
      attributes: new Set((declaration.attributes ?? []).map((a) => a.name)),
      properties: new Set(
        (declaration.members ?? [])
          .filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected')
          .map((m) => m.name),
      ),
      events: new Set((declaration.events ?? []).flatMap((e) => (e.name ? [e.name] : []))),
    });
  }
  return elements;
}
