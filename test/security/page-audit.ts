/**
 * What the injection tests look at on the page: every element across the document and its shadow roots, the tags
 * and attributes data could have smuggled in, the URLs behind links, and whether anything spills out of its box.
 * Each audit returns a list of problems in words (empty when all is well), so a failure says what and where.
 */

/** Every element under `root`, descending into open shadow roots (tooltips live in them too). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      out.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** The text of a host's shadow tree (and of nested shadow trees), as `textContent` would give it. */
export function deepText(host: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return parts.join('');
}

/** Where each host is, to say which element a problem is in. */
const where = (element: Element): string => {
  const root = element.getRootNode();
  const host = root instanceof ShadowRoot ? root.host.localName : 'document';
  const label = element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : '';
  return `<${element.localName}${label}> in ${host}`;
};

/** Tags the three elements render themselves (their templates, icons and tooltips). */
export const RENDERED_TAGS: ReadonlySet<string> = new Set([
  'a', 'bdi', 'button', 'code', 'dd', 'div', 'dl', 'dt', 'header', 'li', 'ol', 'p', 'path', 'section', 'slot', 'span', 'svg',
  'time', 'ul',
]);

/** Attributes that hold a URL the browser may load or follow. */
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'ping'];
const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * Problems in the shadow trees of `hosts`: a tag the elements never render, an event-handler attribute, a URL
 * attribute that does not resolve to http(s) or mailto, a `srcdoc`, an inline style that loads something.
 */
export function treeProblems(hosts: readonly Element[]): string[] {
  const problems: string[] = [];
  for (const host of hosts) {
    if (!host.shadowRoot) continue;
    for (const element of deepElements(host.shadowRoot)) {
      if (!RENDERED_TAGS.has(element.localName)) problems.push(`unexpected element ${where(element)}`);
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`event-handler attribute ${name} on ${where(element)}`);
        if (name === 'srcdoc') problems.push(`srcdoc on ${where(element)}`);
        if (name === 'style' && /url\(|javascript:|expression\(|@import/i.test(attribute.value)) {
          problems.push(`inline style loading something on ${where(element)}: ${attribute.value.slice(0, 80)}`);
        }
        if (URL_ATTRIBUTES.includes(name)) {
          let protocol: string;
          try {
            protocol = new URL(attribute.value, document.baseURI).protocol;
          } catch {
            protocol = '(unparsable)';
          }
          if (!LINK_PROTOCOLS.has(protocol)) problems.push(`${name} with ${protocol} on ${where(element)}`);
        }
      }
    }
  }
  return problems;
}

/** The part of `element` that can paint: its box clipped by every ancestor (up to `stop`) that clips overflow. */
function visibleRect(element: Element, stop: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  let left = rect.left;
  let right = rect.right;
  let node: Element | null = parentAcrossShadow(element);
  while (node && node !== stop) {
    if (getComputedStyle(node).overflowX !== 'visible') {
      const clip = node.getBoundingClientRect();
      left = Math.max(left, clip.left);
      right = Math.min(right, clip.right);
    }
    node = parentAcrossShadow(node);
  }
  return new DOMRect(left, rect.top, Math.max(0, right - left), rect.height);
}

const parentAcrossShadow = (element: Element): Element | null => {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};

// Sub-pixel rounding of borders and fractional widths.
const SLACK = 1;

/**
 * Layout problems inside `container` (a fixed-width box): the container scrolls sideways, or a host or anything in
 * its shadow tree paints beyond the container's edges (what an ancestor clips does not count). Only the innermost
 * culprits are named. Top-layer popovers are left out (see {@link popoverProblems}).
 */
export function layoutProblems(container: HTMLElement, hosts: readonly Element[]): string[] {
  const problems: string[] = [];
  const box = container.getBoundingClientRect();
  if (container.scrollWidth > container.clientWidth + SLACK) {
    problems.push(`the ${Math.round(box.width)} px container overflows sideways to ${container.scrollWidth} px`);
  }
  const outside = (left: number, right: number) => right - left > 0 && (left < box.left - SLACK || right > box.right + SLACK);
  // Walks down with the horizontal clip of the ancestors so far; true when something under `element` sticks out.
  const visit = (element: Element, clipLeft: number, clipRight: number): boolean => {
    if (element.hasAttribute('popover')) return false;
    const rect = element.getBoundingClientRect();
    const left = Math.max(rect.left, clipLeft);
    const right = Math.min(rect.right, clipRight);
    const clips = getComputedStyle(element).overflowX !== 'visible';
    const [childLeft, childRight] = clips ? [left, right] : [clipLeft, clipRight];
    let inner = false;
    for (const child of [...(element.shadowRoot?.children ?? []), ...element.children]) inner = visit(child, childLeft, childRight) || inner;
    if (inner) return true;
    if (!outside(left, right)) return false;
    problems.push(`${where(element)} spans ${Math.round(left - box.left)}..${Math.round(right - box.left)} px of a ${Math.round(box.width)} px container`);
    return true;
  };
  for (const host of hosts) visit(host, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  return problems;
}

/** An open popover (tooltip) must fit the viewport's width. */
export function popoverProblems(popover: Element): string[] {
  const rect = popover.getBoundingClientRect();
  return rect.left < -SLACK || rect.right > document.documentElement.clientWidth + SLACK
    ? [`open ${where(popover)} spans ${Math.round(rect.left)}..${Math.round(rect.right)} px of a ${document.documentElement.clientWidth} px viewport`]
    : [];
}

/**
 * Whether one character of `element`'s own text (a grapheme cluster: a letter and all its accents) is wider than
 * the element: no line break can fit it, so cutting it at the edge is the only way to keep it in its box. A letter
 * under hundreds of stacked accents is drawn that wide by a browser without a font for them (WebKitGTK with only
 * DejaVu fonts draws each accent beside the last).
 */
export function widerThanItsBox(element: Element): boolean {
  const width = element.getBoundingClientRect().width;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const node of element.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    for (const { index, segment } of segmenter.segment((node as Text).data)) {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + segment.length);
      if (range.getBoundingClientRect().width > width + SLACK) return true;
    }
  }
  return false;
}

/**
 * Elements under `root` that show part of `needle` but not all of their text: cut with an ellipsis (their content
 * is wider than their box) or clipped by an ancestor. The tests then look for their full text elsewhere.
 */
export function cutTexts(root: ParentNode, stop: Element, needle: string): Element[] {
  const probe = needle.slice(0, 24);
  const cut: Element[] = [];
  for (const element of deepElements(root)) {
    if (element.closest('[popover]')) continue;
    const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node as Text).data.includes(probe));
    if (!own) continue;
    const style = getComputedStyle(element);
    const ellipsed = style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + SLACK;
    const rect = element.getBoundingClientRect();
    const clipped = visibleRect(element, stop).width + SLACK < rect.width;
    if (ellipsed || clipped) cut.push(element);
  }
  return cut;
}
