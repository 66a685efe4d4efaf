import { svg, type SVGTemplateResult } from 'lit';
import type { StatusIcon } from '../../core/statuses.js';

/**
 * The kit's icons: one stroked path per icon on a 16 × 16 grid, drawn with `currentColor`. Each is a shared Lit
 * `svg` template, so a thousand badges showing "delivered" clone one template instead of parsing a thousand
 * strings. Shapes differ by more than color (check, cross, triangle, octagon, shield, flag...) so that a status
 * stays recognizable in grayscale and in forced-colors mode.
 *
 * Paths are literal (no bindings), so that `ICONS` are plain templates; the badge, drawn ten thousand times in a
 * table, sets one `d` attribute from `ICON_PATHS` instead, which costs less than a nested template per badge.
 *
 * Render one inside an `<svg viewBox="0 0 16 16">` whose CSS sets `fill: none; stroke: currentColor`.
 */
/** Icons that are not statuses: states of the element itself. */
export type ElementIcon = 'unavailable';

export const ICONS: { readonly [I in StatusIcon | ElementIcon]: SVGTemplateResult } = {
  clock: svg`<path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM8 4.5V8l2.5 1.75"/>`,
  hourglass: svg`<path d="M3.75 1.75h8.5M3.75 14.25h8.5M5 1.75v2.5L8 8l3-3.75v-2.5M5 14.25v-2.5L8 8l3 3.75v2.5"/>`,
  pause: svg`<path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM6.5 5.5v5M9.5 5.5v5"/>`,
  send: svg`<path d="M14.25 1.75 1.75 7l5 2.25 2.25 5ZM14.25 1.75l-7.5 7.5"/>`,
  'arrow-right': svg`<path d="M2 8h11.5M9 3.5 13.5 8 9 12.5"/>`,
  retry: svg`<path d="M13.25 8A5.25 5.25 0 1 1 11.7 4.3M13.25 1.75v3h-3"/>`,
  check: svg`<path d="M2.75 8.5 6.25 12l7-8"/>`,
  'check-double': svg`<path d="M1.25 8.5 4.5 11.75 11 4.25M7.75 11.25l.5.5 6.5-7.5"/>`,
  alert: svg`<path d="M8 1.75 14.75 13.75H1.25ZM8 6v3.5M8 11.5v.25"/>`,
  'x-circle': svg`<path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM5.75 5.75l4.5 4.5M10.25 5.75l-4.5 4.5"/>`,
  // Up, over and back down: a message that came back.
  'bounce-back': svg`<path d="M11.5 14.25V6.75a3.5 3.5 0 0 0-7 0v3.5M2 8l2.5 2.5L7 8"/>`,
  ban: svg`<path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM3.6 12.4l8.8-8.8"/>`,
  shield: svg`<path d="M8 1.5 13.5 3.5v4c0 3.5-2.5 5.75-5.5 7-3-1.25-5.5-3.5-5.5-7v-4ZM6 6l4 4M10 6l-4 4"/>`,
  skip: svg`<path d="M2.5 3.5 7.5 8l-5 4.5ZM7.5 3.5 12.5 8l-5 4.5ZM13.75 3.5v9"/>`,
  error: svg`<path d="M5.4 1.75h5.2l3.65 3.65v5.2l-3.65 3.65H5.4L1.75 10.6V5.4ZM8 4.75v4M8 11v.25"/>`,
  'timer-off': svg`<path d="M8 3.75a5.25 5.25 0 1 1 0 10.5A5.25 5.25 0 1 1 8 3.75ZM6.5 1.5h3M8 6.5v2.5M2 2.5l12 12"/>`,
  cancel: svg`<path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM3.6 3.6l8.8 8.8"/>`,
  question: svg`<path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM6 6.25a2 2 0 1 1 2.75 1.85c-.5.2-.75.6-.75 1.15v.5M8 11.5v.25"/>`,
  eye: svg`<path d="M1.25 8S3.75 3.25 8 3.25 14.75 8 14.75 8 12.25 12.75 8 12.75 1.25 8 1.25 8ZM8 6a2 2 0 1 1 0 4 2 2 0 1 1 0-4Z"/>`,
  cursor: svg`<path d="M3 2l9.5 5.5-4 1-1.5 4.5ZM8.5 8.5l4 4"/>`,
  'book-open': svg`<path d="M8 4v9.5M8 4C6.5 2.75 4 2.5 1.75 2.75v9.5C4 12 6.5 12.25 8 13.5c1.5-1.25 4-1.5 6.25-1.25v-9.5C12 2.5 9.5 2.75 8 4Z"/>`,
  reply: svg`<path d="M6.5 3.5 2 8l4.5 4.5M2 8h7.5A4.5 4.5 0 0 1 14 12.5v.5"/>`,
  'user-minus': svg`<path d="M6.5 2.25a2.75 2.75 0 1 1 0 5.5 2.75 2.75 0 1 1 0-5.5ZM1.5 14c0-2.75 2.25-4.5 5-4.5s5 1.75 5 4.5M11 6.5h4"/>`,
  flag: svg`<path d="M3 14.5V1.75M3 2.25h9.5l-2 3.25 2 3.25H3"/>`,
  // A broken link: the element could not reach its data.
  unavailable: svg`<path d="M6.5 9.5l-1.75 1.75a2.5 2.5 0 0 1-3.5-3.5L3 6M9.5 6.5l1.75-1.75a2.5 2.5 0 0 1 3.5 3.5L13 10M2 2l2 2M12 12l2 2"/>`,
};

/**
 * The `d` of each icon's one path, read from the templates above: for a template that draws the path itself
 * (`<path d=${ICON_PATHS[name]}>`), one attribute to set instead of a nested template to clone.
 */
export const ICON_PATHS = /* @__PURE__ */ Object.fromEntries(
  Object.entries(ICONS).map(([name, template]) => [name, /\bd="([^"]+)"/.exec(template.strings.join(''))?.[1] ?? '']),
) as { readonly [I in keyof typeof ICONS]: string };
