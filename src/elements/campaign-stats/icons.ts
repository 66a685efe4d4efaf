import { svg, type SVGTemplateResult } from 'lit';
import { ICONS } from '../shared/icons.js';

// The icon the shared set lacks, drawn on its 16 × 16 grid with the same stroke (the ⓘ is the toggletip's).
const OWN: Readonly<Record<'download', SVGTemplateResult>> = {
  download: svg`<path d="M8 1.75v8.5M4.5 6.75 8 10.25l3.5-3.5M2 13.75h12"/>`,
};

const SHAPES = {
  ...OWN,
  warning: ICONS.alert,
  danger: ICONS.error,
  clock: ICONS.clock,
  retry: ICONS.retry,
} as const;

export type CampaignStatsIcon = keyof typeof SHAPES;

/** A decorative icon: hidden from assistive technologies, the text next to it says the same. */
export const icon = (name: CampaignStatsIcon): SVGTemplateResult =>
  svg`<svg class="icon" part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${SHAPES[name]}</svg>`;
