import { unsafeCSS, type CSSResult } from 'lit';
import { STATUS_CATEGORIES, type StatusCategory } from '../core/statuses.js';

/**
 * Estafette's design tokens: the defaults behind every `--estafette-*` custom property.
 *
 * Theming, in one paragraph: every color is a `light-dark()` pair, so an element follows the `color-scheme` it
 * inherits. A page that declares `color-scheme: light dark` follows the visitor's system setting
 * (`prefers-color-scheme`); `color-scheme: dark` (or `light`) on any ancestor forces a theme for that part of the
 * page, which is what a `[data-theme="dark"] { color-scheme: dark }` rule in the host page does. A page that
 * declares nothing gets the light colors, because its own background is light: dark badges on a white page would
 * be the wrong answer to a dark system setting. Browsers without `light-dark()` get the light colors, or the dark
 * ones under `prefers-color-scheme: dark`. Any token can be overridden on `:root` or on any ancestor.
 */

/** A light and a dark value for one color. */
export type ColorPair = readonly [light: string, dark: string];

/** The three colors of a status category: background, foreground (text, icon, dot) and border. */
export interface CategoryColors {
  readonly bg: ColorPair;
  readonly fg: ColorPair;
  readonly border: ColorPair;
}

/**
 * Default colors per status category. Foreground on background is at least 6:1 in both themes (WCAG AA asks 4.5:1
 * for text), and the foreground alone is at least 6.9:1 on a white page and 8.7:1 on a near-black one, so a dot or
 * an icon drawn with it clears the 3:1 non-text minimum too.
 */
export const CATEGORY_COLORS: { readonly [C in StatusCategory]: CategoryColors } = {
  pending: { bg: ['#e8f1ff', '#132a4d'], fg: ['#0a4fa8', '#9ec8ff'], border: ['#8cb8f0', '#2f5b94'] },
  success: { bg: ['#e3f6e8', '#12351f'], fg: ['#13652f', '#8fe0a6'], border: ['#7ccb92', '#2f6e45'] },
  engagement: { bg: ['#f3ecff', '#2c1f4d'], fg: ['#6633b8', '#cfb5ff'], border: ['#bca2ec', '#5e4596'] },
  warning: { bg: ['#fff4d6', '#3b2c08'], fg: ['#7a4a00', '#f3cb6b'], border: ['#e2b455', '#7a5c17'] },
  danger: { bg: ['#fdeaea', '#45161b'], fg: ['#b0182b', '#ffaab0'], border: ['#f0a0a6', '#8c3540'] },
  neutral: { bg: ['#eef0f3', '#2a2f36'], fg: ['#474f5a', '#cdd3da'], border: ['#b9c0c9', '#59626d'] },
};

/**
 * Colors of the surfaces every element draws on (cards, rows, panels, tooltips): text at least 13:1 and muted text
 * at least 6:1 on the surface, the accent and the focus ring at least 4.5:1, in both themes.
 */
export const SURFACE_COLORS = {
  surface: ['#ffffff', '#1c2128'],
  'surface-hover': ['#f3f5f7', '#262c34'],
  text: ['#1f2328', '#e8eaed'],
  'text-muted': ['#59636e', '#9aa4af'],
  border: ['#d0d7de', '#444c56'],
  accent: ['#0b5cd5', '#7cb3ff'],
  'focus-ring': ['#0969da', '#4493f8'],
} as const satisfies Record<string, ColorPair>;

/** A color pair as CSS: `light-dark(<light>, <dark>)`. */
export const pair = ([light, dark]: ColorPair): string => `light-dark(${light}, ${dark})`;

type Mode = 'pair' | 'light' | 'dark';
const pick = (colors: ColorPair, mode: Mode): string =>
  mode === 'pair' ? pair(colors) : mode === 'light' ? colors[0] : colors[1];

/**
 * For each category, a rule that sets the private `--_bg`, `--_fg` and `--_border` of the elements carrying the
 * category's class (`.pending`, `.success`, ...) from the public token, with Estafette's default as fallback.
 * Built from constant data only, never from input.
 */
function categoryRules(mode: Mode, categories: readonly StatusCategory[]): string {
  return categories.map((category) => {
    const colors = CATEGORY_COLORS[category];
    const own = (['bg', 'fg', 'border'] as const).map((key) => `--_${key}:var(--estafette-${category}-${key},${pick(colors[key], mode)});`);
    return `.${category}{${own.join('')}}`;
  }).join('');
}

/**
 * The host's private colors (`--_surface-*`, `--_accent`, `--_focus`), each from its public surface token
 * (`--estafette-<token>`), with Estafette's default as fallback.
 */
const SURFACE_PRIVATE = {
  'surface-bg': 'surface',
  'surface-hover': 'surface-hover',
  'surface-fg': 'text',
  'surface-muted': 'text-muted',
  'surface-border': 'border',
  accent: 'accent',
  focus: 'focus-ring',
} as const satisfies Record<string, keyof typeof SURFACE_COLORS>;

/** The host's `--_surface-*`, `--_accent` and `--_focus`, from the public surface tokens. */
function surfaceRules(mode: Mode): string {
  return `:host{${Object.entries(SURFACE_PRIVATE)
    .map(([own, token]) => `--_${own}:var(--estafette-${token},${pick(SURFACE_COLORS[token], mode)});`)
    .join('')}}`;
}

/**
 * The token defaults, for an element's `static styles`: the classes of `categories` (`.success` and so on) get
 * `--_bg`, `--_fg`, `--_border`; the host gets `--_surface-*`, `--_accent` and `--_focus`. An element that draws
 * only some categories (the stats: warning and danger marks) takes only those, so that custom-elements.json documents
 * for it only the tokens that change what it draws. One `CSSStyleSheet` per call, shared by every instance of the
 * elements that include it. Generated from the constant tables above (never from input).
 */
export function tokenStylesFor(categories: readonly StatusCategory[]): CSSResult {
  const rules = (mode: Mode): string => categoryRules(mode, categories) + surfaceRules(mode);
  return unsafeCSS(
    rules('pair') +
      `@supports not (color: light-dark(#000, #fff)){${rules('light')}@media (prefers-color-scheme: dark){${rules('dark')}}}`,
  );
}

/** {@link tokenStylesFor} every category: what the badge and the timeline draw with. */
export const tokenStyles: CSSResult = tokenStylesFor(STATUS_CATEGORIES);
