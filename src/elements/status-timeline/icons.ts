import { svg, type SVGTemplateResult } from 'lit';
import type { StatusIcon } from '../../core/statuses.js';
import { ICONS } from '../shared/icons.js';

/** A decorative icon from the kit's set: hidden from assistive technologies, the label next to it says the same. */
export const icon = (name: StatusIcon): SVGTemplateResult =>
  svg`<svg class="icon" part="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
