import { VERSION } from '../../version.js';

const VERSION_KEY = Symbol.for('estafette.version');

type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * Registers a custom element without ever throwing: the CDN file and an npm copy may both be on one page.
 * The same version already registered is a no-op; another version warns once, naming both versions, and the
 * first registration stays in force. Returns the constructor in force for the tag.
 */
export function define(tag: string, ctor: CustomElementConstructor, version: string = VERSION): CustomElementConstructor {
  const registry = globalThis.customElements;
  if (!registry) return ctor; // Node or a sandbox without custom elements: nothing to register.
  const existing = registry.get(tag) as Versioned | undefined;
  if (existing) {
    const theirs = existing[VERSION_KEY];
    if (existing !== ctor && theirs !== version) {
      console.warn(`estafette: <${tag}> is already registered by ${theirs ? `Estafette ${theirs}` : 'another script'}; this copy (Estafette ${version}) was not registered.`);
    }
    return existing;
  }
  Object.defineProperty(ctor, VERSION_KEY, { value: version });
  registry.define(tag, ctor);
  return ctor;
}
