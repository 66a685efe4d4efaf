import type { PropertyDeclaration } from 'lit';

/**
 * Attributes a framework writes when it sets a property too early, and that an element would otherwise lose in
 * silence. React 19 sets a property only on an element that has it (`key in element`): a tag rendered before the
 * kit registers it (`estafette/loader`, a lazy `import('estafette/define')`) gets attributes instead, `counts`
 * holding the text "[object Object]", `campaignid` (lower-cased by the browser) a campaign id no one reads. Once
 * defined, the element is not given them again: React sets only what changes. React 18 and older always write
 * attributes. The element cannot get the object back; it says what happened and what to do, once per tag and
 * attribute.
 */

/** What an object written as an attribute becomes. */
const OBJECT_TEXT = '[object Object]';

type Declarations = ReadonlyMap<PropertyKey, PropertyDeclaration>;

const strayByClass = new WeakMap<Declarations, ReadonlyMap<string, string>>();

/**
 * The attributes only a framework setting a property too early would write, each with its property: the
 * lower-cased name of every property that has no attribute of that name (`counts`, `thresholds`, `source`,
 * `campaignid` for `campaignId`, whose attribute is `campaign-id`). Worked out once per class.
 */
export function strayAttributes(properties: Declarations): ReadonlyMap<string, string> {
  let stray = strayByClass.get(properties);
  if (!stray) {
    const found = new Map<string, string>();
    for (const [key, options] of properties) {
      if (typeof key !== 'string' || options.state) continue;
      const name = key.toLowerCase();
      const attribute = options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : name;
      if (attribute !== name) found.set(name, key);
    }
    strayByClass.set(properties, (stray = found));
  }
  return stray;
}

const told = new Set<string>();

/**
 * Called for each observed attribute an element is given: warns, once per tag and attribute, when it holds an
 * object's text or is one of the class's {@link strayAttributes}. A normal element's attributes cost a comparison
 * and a map lookup each, when they are set; rendering costs nothing.
 */
export function checkAttribute(tag: string, name: string, value: string | null, properties: Declarations): void {
  if (value === null) return;
  const property = strayAttributes(properties).get(name);
  // An array of objects reads "[object Object],[object Object]".
  if (property === undefined && !value.includes(OBJECT_TEXT)) return;
  const key = `${tag} ${name}`;
  if (told.has(key)) return;
  told.add(key);
  const attribute = property === undefined ? undefined : properties.get(property)?.attribute;
  console.warn(
    `estafette: <${tag}>: ${
      property === undefined
        ? `an object written as its attribute ${name} is lost.`
        : `its attribute ${name}="${value.slice(0, 40)}" is lost: set the \`${property}\` property${typeof attribute === 'string' ? ` or the ${attribute} attribute` : ''} instead.`
    } Register the elements before the first render (import 'estafette/define' first: React 19 sets properties only on ` +
      `defined elements, not on tags rendered before estafette/loader or a lazy import registered them), or use the @lit/react wrappers (examples/react/README.md).`,
  );
}
