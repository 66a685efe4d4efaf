import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type DirectiveResult, type PartInfo } from 'lit/directive.js';

/** CSS properties by their CSS names (`top`, `anchor-name`, `--x`); `undefined` leaves one out. */
export type StyleProps = Readonly<Record<string, string | undefined>>;

/**
 * Lit's `styleMap`, minus its one CSP problem: on first render `styleMap` writes a `style` attribute string
 * (lit/lit#4719), which a page whose Content Security Policy has no `'unsafe-inline'` in `style-src` blocks, so the
 * styles are silently lost. This directive writes every property through the CSSOM (`style.setProperty`), which
 * CSP allows, on every render. A property left out of a later render is removed. Client rendering only (no SSR).
 */
class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('styleProps() must be the whole value of a style attribute');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous) if (props[name] === undefined) style.removeProperty(name);
    this.#previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#previous.add(name);
    }
    return noChange;
  }
}

/** Sets inline styles through the CSSOM, strict-CSP safe: `<div style=${styleProps({ top: '4px' })}>`. */
export const styleProps: (props: StyleProps) => DirectiveResult<typeof StylePropsDirective> = directive(StylePropsDirective);
