/// <reference types="node" />
// custom-elements.json against the element classes themselves (loaded in Node through Lit's DOM shim): what the
// manifest says of each tag is what its class really reads. Storybook's docs, editors and the framework typings
// (estafette/react and estafette/vue, the @lit/react wrappers) are checked against or built from the manifest, so an attribute it
// spells differently from the class (a JSDoc `@attr` typo, a property renamed without its docs), a property it lacks
// or a method that is not there reaches integrators as a binding that silently does nothing.
import { expect } from '../support/expect.js';
import { LitElement } from 'lit';
import * as kit from '../../src/index.js';
import { readManifest } from './manifest.js';

interface Member {
  kind: string;
  name: string;
  type?: TypeText;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
}
interface TypeText {
  text: string;
  references?: { name: string; module?: string; start?: number; end?: number }[];
}
interface ElementDeclaration {
  name: string;
  tagName?: string;
  superclass?: { name: string };
  attributes?: { name: string; fieldName?: string; type?: TypeText }[];
  members?: Member[];
  events?: { name?: string; type?: TypeText }[];
}
type ElementClass = typeof LitElement & { finalize(): void };

const all = readManifest().modules.flatMap((mod) => (mod.declarations ?? []) as unknown as ElementDeclaration[]);
const declarations = all.filter((d) => d.tagName);
const exported = kit as unknown as Record<string, unknown>;
const isPublic = (member: Member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected';

/** The reactive properties of `cls` (not its internal state), each with the attribute it reads, or none. */
function reactiveProperties(cls: ElementClass): Map<string, string | undefined> {
  cls.finalize();
  const properties = new Map<string, string | undefined>();
  for (const [key, options] of cls.elementProperties) {
    if (typeof key !== 'string' || options.state) continue;
    const attribute = options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : key.toLowerCase();
    properties.set(key, attribute);
  }
  return properties;
}

/** Every member the manifest lists for `d` and the classes it extends that the manifest declares, whatever its privacy. */
function listedNames(d: ElementDeclaration | undefined): Set<string> {
  const names = new Set<string>();
  for (let at = d; at; at = all.find((other) => other.name === at!.superclass?.name)) for (const member of at.members ?? []) names.add(member.name);
  return names;
}

/** Names on the class's prototypes, below LitElement's: its accessors and methods, public or not. */
function ownNames(cls: ElementClass): Set<string> {
  const names = new Set<string>();
  for (let proto = cls.prototype as object; proto && proto !== LitElement.prototype; proto = Object.getPrototypeOf(proto) as object) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor' && !(name in LitElement.prototype)) names.add(name);
  }
  return names;
}

describe('custom-elements.json says what the element classes read', () => {
  it('lists the four tags, each with its exported class', () => {
    expect(declarations.map((d) => d.tagName).sort()).to.deep.equal(['campaign-stats', 'email-status-badge', 'status-source', 'status-timeline']);
    for (const d of declarations) expect(exported[d.name], d.name).to.be.a('function');
  });

  for (const d of declarations) {
    describe(`<${d.tagName!}>`, () => {
      const cls = exported[d.name] as ElementClass;
      const properties = reactiveProperties(cls);
      const fields = (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
      const methods = (d.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));

      it('names each attribute the class reads, with the property it sets', () => {
        const documented = (d.attributes ?? []).filter((a) => a.name !== 'lang').map((a) => `${a.name} → .${a.fieldName ?? '?'}`);
        const read = [...properties].flatMap(([key, attribute]) => (attribute ? [`${attribute} → .${key}`] : []));
        expect(documented.sort()).to.deep.equal(read.sort());
        // `lang` is the global attribute every element but <status-source> follows live: observed, not a property.
        const observesLang = (cls as unknown as { observedAttributes: string[] }).observedAttributes.includes('lang');
        expect(d.attributes?.some((a) => a.name === 'lang') ?? false, 'lang').to.equal(observesLang);
      });

      // Typings and editor data generated from the manifest can only use what it spells out: a name of ours
      // (`LiveMode`) is a type they cannot import, and no list of values for an editor to offer.
      it('types its attributes with words, not with names of the kit\'s types', () => {
        const word = /^(string|number|boolean|undefined|null|string\[\]|'[^']*')$/;
        for (const attribute of d.attributes ?? []) {
          const parts = (attribute.type?.text ?? 'string').split(' | ');
          expect(parts.filter((part) => !word.test(part)), `${attribute.name}: ${attribute.type?.text}`).to.deep.equal([]);
        }
      });

      it('lists every public property, and no property the class lacks', () => {
        const names = ownNames(cls);
        for (const key of properties.keys()) expect(fields.map((f) => f.name), `property ${key}`).to.include(key);
        for (const field of fields) expect(properties.has(field.name) || names.has(field.name), `field ${field.name}`).to.equal(true);
        // A getter without a setter is read-only in the manifest too (typings must not offer to set it).
        for (const field of fields.filter((f) => !properties.has(f.name))) {
          const descriptor = [cls.prototype, Object.getPrototypeOf(cls.prototype) as object]
            .map((proto) => Object.getOwnPropertyDescriptor(proto, field.name))
            .find(Boolean);
          if (descriptor?.get && !descriptor.set) expect(field.readonly, `${field.name} is read-only`).to.equal(true);
        }
      });

      it('lists every public method, each one the class has', () => {
        const names = ownNames(cls);
        for (const method of methods) expect(typeof (cls.prototype as unknown as Record<string, unknown>)[method.name], `method ${method.name}`).to.equal('function');
        // What the class has beyond its reactive properties and Lit's lifecycle is in the manifest (public, or said
        // protected), so that no public member goes undocumented.
        const listed = listedNames(d);
        const undocumented = [...names].filter((name) => !cls.elementProperties.has(name) && !listed.has(name));
        expect(undocumented).to.deep.equal([]);
      });

      // A tool writing typings or docs from the manifest imports the kit's types it names (`Thresholds`,
      // `MetricSelectEvent`) from where `references` says; a bare name it cannot locate. Each reference is the name at
      // its place in the type text, in the package's main entry; the names left without one are the platform's or
      // not exported (`Clock`), none an exported class (every value the package exports is referenced).
      it('locates each exported type its properties and events name (type references)', () => {
        const items = [...(d.attributes ?? []), ...(d.members ?? []), ...(d.events ?? [])] as { name?: string; type?: TypeText }[];
        const referenced = new Set<string>();
        for (const { name, type } of items) {
          for (const reference of type?.references ?? []) {
            expect(type!.text.slice(reference.start, reference.end), `${name}: ${type!.text}`).to.equal(reference.name);
            expect(reference.module, reference.name).to.equal('dist/lib/index.js');
            referenced.add(reference.name);
          }
          for (const [word] of (type?.text ?? '').matchAll(/\b[A-Z]\w*\b/g)) {
            if (word in exported) expect(type!.references?.map((r) => r.name), `${name}: ${type!.text}`).to.include(word);
          }
        }
        expect([...referenced], 'references').to.not.be.empty;
        for (const event of d.events ?? []) expect(event.type?.references?.[0]?.name, event.name).to.equal(event.type?.text);
      });

      it('names each event with the class that dispatches it', () => {
        for (const event of d.events ?? []) {
          const eventClass = exported[event.type?.text ?? ''] as { eventName?: string } | undefined;
          expect(eventClass?.eventName, `${event.name}: ${event.type?.text}`).to.equal(event.name);
        }
      });
    });
  }
});
