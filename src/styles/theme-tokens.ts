import { STATUS_CATEGORIES, type StatusCategory } from '../core/statuses.js';
import { CATEGORY_COLORS, pair, SURFACE_COLORS } from './tokens.js';

/*
 * The public theme tokens in words, for the documentation only (custom-elements.json, the theming story): no
 * element reads this module, so the kit's files do not carry these sentences.
 */

/** One public `--estafette-*` custom property: what it changes and its default. */
export interface ThemeToken {
  readonly name: `--estafette-${string}`;
  readonly description: string;
  /** The default, as CSS (a `light-dark()` pair for colors). */
  readonly default: string;
}

const CATEGORY_WORDS: { readonly [C in StatusCategory]: string } = {
  pending: 'in-progress statuses (scheduled, queued, sending, sent)',
  success: 'delivered',
  engagement: 'engagement (opened, clicked, read, replied)',
  warning: 'statuses needing attention (held, delayed, soft bounce, unsubscribed)',
  danger: 'failures (bounces, blocked, not sent, failed, expired, spam reports)',
  neutral: 'other statuses (canceled, unknown), loading and neutral marks',
};

const SURFACE_WORDS: { readonly [K in keyof typeof SURFACE_COLORS]: string } = {
  surface: 'Background of cards, rows, panels and tooltips.',
  'surface-hover': 'Background of a row or card under the pointer.',
  text: 'Main text color.',
  'text-muted': 'Secondary text: headings, times, denominators.',
  border: 'Borders and separators.',
  accent: 'The current lifecycle stage, links, the selected timeline row and the selected indicator.',
  'focus-ring': 'Keyboard focus outline.',
};

/**
 * The shared theme: the custom properties every element reads (element-specific ones, `--estafette-badge-*`,
 * `--estafette-stats-*`, `--estafette-timeline-*`, `--estafette-tooltip-*`, are documented on the element).
 * Set them on `:root`, on `[data-theme]` or on any ancestor of the elements.
 */
export const THEME_TOKENS: readonly ThemeToken[] = [
  { name: '--estafette-font-family', description: 'Font of every element.', default: 'inherited (system-ui for cards)' },
  { name: '--estafette-font-size', description: 'Base text size of the stats and the timeline.', default: '0.875rem' },
  { name: '--estafette-radius', description: 'Corner radius of cards, panels and rows.', default: '0.5rem' },
  ...Object.entries(SURFACE_COLORS).map(([key, colors]) => ({
    name: `--estafette-${key}` as const,
    description: SURFACE_WORDS[key as keyof typeof SURFACE_COLORS],
    default: pair(colors),
  })),
  ...STATUS_CATEGORIES.flatMap((category) => {
    const c = CATEGORY_COLORS[category];
    return [
      { name: `--estafette-${category}-bg` as const, description: `Background of ${CATEGORY_WORDS[category]}.`, default: pair(c.bg) },
      { name: `--estafette-${category}-fg` as const, description: `Text, icon and dot color of ${CATEGORY_WORDS[category]}.`, default: pair(c.fg) },
      { name: `--estafette-${category}-border` as const, description: `Border of ${CATEGORY_WORDS[category]}.`, default: pair(c.border) },
    ];
  }),
];
