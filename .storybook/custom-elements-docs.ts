// The ArgTypes tables of the Docs pages (and the rows of the Controls panel), built from custom-elements.json.
// Storybook's own reader keys every row by its bare name, so a CSS part named like an attribute (`metrics` on
// <campaign-stats>) replaced the attribute's row, the default slot (named '') was dropped, private and protected
// fields showed up as properties and methods were left out. This one keeps one row per documented public member:
// attributes, properties, methods, events, slots, CSS custom properties and CSS parts, each in its own section.
import type { ArgTypes } from '@storybook/web-components-vite';

interface CemItem {
  readonly name: string;
  readonly kind?: string;
  readonly description?: string;
  readonly summary?: string;
  readonly type?: { readonly text?: string };
  readonly default?: string;
  readonly privacy?: string;
  readonly static?: boolean;
  readonly fieldName?: string;
  readonly optional?: boolean;
  readonly readonly?: boolean;
  readonly parameters?: readonly CemItem[];
  readonly return?: { readonly type?: { readonly text?: string } };
}

interface CemDeclaration {
  readonly tagName?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly members?: readonly CemItem[];
  readonly attributes?: readonly CemItem[];
  readonly events?: readonly CemItem[];
  readonly slots?: readonly CemItem[];
  readonly cssProperties?: readonly CemItem[];
  readonly cssParts?: readonly CemItem[];
}

interface CemManifest {
  readonly modules?: readonly { readonly declarations?: readonly CemDeclaration[] }[];
}

/** The section titles of the ArgTypes table (the smoke test of the built Storybook reads the same ones). */
export const SECTIONS = {
  attributes: 'attributes',
  properties: 'properties',
  methods: 'methods',
  events: 'events',
  slots: 'slots',
  cssProperties: 'css custom properties',
  cssParts: 'css shadow parts',
} as const;

/** The declaration of a custom element, by tag name. */
export function declarationOf(manifest: CemManifest, tagName: unknown): CemDeclaration | undefined {
  if (typeof tagName !== 'string') return undefined;
  for (const module of manifest.modules ?? []) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found;
  }
  return undefined;
}

/** Public instance members: what a host can set, read or call. */
export const isPublic = (member: CemItem): boolean =>
  !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#');

/** `(index: number) => void` */
const signature = (method: CemItem): string =>
  `(${(method.parameters ?? []).map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ')}) => ${method.return?.type?.text ?? 'void'}`;

/** Rows with nothing to set from the Controls panel: a plain "-" in the Control column. */
const NO_CONTROL = { control: { disable: true } } as const;

/** A control for the simple types; anything else gets none (the stories set those through their own args). */
function controlType(text: string | undefined): ArgTypes[string]['type'] {
  const bare = text?.replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
  if (bare === 'boolean' || bare === 'number' || bare === 'string') return { name: bare };
  return text ? { name: 'other', value: text } : undefined;
}

/** Whether the Controls panel can set a property: not a getter, nor an object with methods. */
export const hasControl = (field: CemItem): boolean => !field.readonly && !/\b(StatusDataSource|Clock)\b/.test(field.type?.text ?? '');

/** The ArgTypes of `tagName`, from `manifest`; `null` when the manifest does not know the element. */
export function argTypesFromManifest(manifest: CemManifest, tagName: unknown): ArgTypes | null {
  const declaration = declarationOf(manifest, tagName);
  if (!declaration) return null;
  const rows: ArgTypes = {};
  const add = (key: string, name: string, section: string, item: CemItem, extra: Partial<ArgTypes[string]> = {}) => {
    // Names are unique within a section, not across them: a part may share its name with an attribute.
    const unique = key in rows ? `${section}:${key}` : key;
    rows[unique] = {
      name,
      description: [item.summary, item.description].filter(Boolean).join('\n\n') || undefined,
      table: {
        category: section,
        ...(item.type?.text && { type: { summary: item.type.text } }),
        ...(item.default !== undefined && { defaultValue: { summary: item.default } }),
      },
      ...extra,
    };
  };
  const attributeNames = new Set((declaration.attributes ?? []).map((attribute) => attribute.name));
  for (const attribute of declaration.attributes ?? []) {
    // Hyphenated attributes have their control on their property's row (the stories' args are property names).
    const sameAsProperty = !attribute.fieldName || attribute.fieldName === attribute.name;
    add(attribute.name, attribute.name, SECTIONS.attributes, attribute, sameAsProperty ? { type: controlType(attribute.type?.text) } : NO_CONTROL);
  }
  const members = (declaration.members ?? []).filter(isPublic);
  for (const field of members) {
    // A property reflected by an attribute of the same name is listed once, with the attributes. No control for what
    // cannot be set (a getter) or edited as JSON (objects with methods: a data source, a clock).
    if (field.kind !== 'field' || attributeNames.has(field.name)) continue;
    add(field.name, field.name, SECTIONS.properties, field, hasControl(field) ? { type: controlType(field.type?.text) } : NO_CONTROL);
  }
  for (const method of members) {
    if (method.kind === 'method') add(method.name, `${method.name}()`, SECTIONS.methods, { ...method, type: { text: signature(method) } }, NO_CONTROL);
  }
  for (const event of declaration.events ?? []) add(event.name, event.name, SECTIONS.events, event, NO_CONTROL);
  for (const slot of declaration.slots ?? []) {
    add(slot.name ? `slot:${slot.name}` : 'slot:default', slot.name || '(default)', SECTIONS.slots, slot, NO_CONTROL);
  }
  for (const property of declaration.cssProperties ?? []) add(property.name, property.name, SECTIONS.cssProperties, property, NO_CONTROL);
  for (const part of declaration.cssParts ?? []) add(part.name, part.name, SECTIONS.cssParts, part, NO_CONTROL);
  return rows;
}

/** The element's summary and description (its class JSDoc), for the top of its Docs page. */
export function descriptionFromManifest(manifest: CemManifest, tagName: unknown): string | null {
  const declaration = declarationOf(manifest, tagName);
  return declaration ? [declaration.summary, declaration.description].filter(Boolean).join('\n\n') || null : null;
}
