import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { DISPLAY_STATUSES } from '../src/core/index.js';
import '../src/define.js';
import { addMessages, removeAddedMessages } from '../src/i18n/index.js';
import { THEME_TOKENS } from '../src/styles/theme-tokens.js';
import { healthyEmail } from './campaign-stats.stories.js';
import { deliveredOpenedClicked } from './status-timeline.stories.js';

/**
 * Theming and wording, as a back-office does it: `--estafette-*` custom properties set on any ancestor (shared
 * tokens below, element-specific ones on each element's page), `color-scheme` for light and dark, and
 * `addMessages()` for its own words. Use the toolbar to switch the language and the theme.
 */
const meta: Meta = {
  title: 'Theming/Brand it',
  excludeStories: /^[a-z]/,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

const kit = (): TemplateResult => html`
  <p>${DISPLAY_STATUSES.map((status) => html`<email-status-badge status=${status}></email-status-badge> `)}</p>
  <campaign-stats channel="email" .counts=${healthyEmail}></campaign-stats>
  <status-timeline .events=${deliveredOpenedClicked} style="margin-top: 1rem"></status-timeline>
`;

/** Estafette's defaults, following the toolbar's theme. */
export const Defaults: Story = { render: () => kit() };

/**
 * A brand's look: its font, squarer corners, its own surfaces and accent, and softer category colors, all through
 * tokens. Every pair below keeps WCAG AA contrast; check yours with the Accessibility panel.
 */
export const BrandIt: Story = {
  name: 'Brand it',
  render: () => html`
    <div class="brand" style="
      --estafette-font-family: Georgia, 'Times New Roman', serif;
      --estafette-font-size: 0.9375rem;
      --estafette-radius: 2px;
      --estafette-badge-radius: 3px;
      --estafette-tooltip-radius: 2px;
      --estafette-surface: light-dark(#fbf8f3, #221d17);
      --estafette-surface-hover: light-dark(#f2ebe0, #2e271f);
      --estafette-text: light-dark(#2b2118, #f1e9df);
      --estafette-text-muted: light-dark(#6b5a48, #c2b3a2);
      --estafette-border: light-dark(#d9cbb8, #4d4134);
      --estafette-accent: light-dark(#8a3b12, #f2a27a);
      --estafette-focus-ring: light-dark(#8a3b12, #f2a27a);
      --estafette-success-bg: light-dark(#eaf4ec, #17301e);
      --estafette-success-fg: light-dark(#1d5e2f, #9fdcaf);
      --estafette-danger-bg: light-dark(#fbeae6, #3d1a14);
      --estafette-danger-fg: light-dark(#9c2a14, #ffb4a3);
      padding: 1rem; background: var(--estafette-surface); color: var(--estafette-text);
    ">${kit()}</div>
  `,
};

/** Forced to dark for one part of the page, whatever the page and the system say. */
export const DarkPanel: Story = {
  name: 'Dark panel',
  render: () => html`<div style="color-scheme: dark; background: #111418; color: #e8eaed; padding: 1rem">${kit()}</div>`,
};

/** A back-office's own wording: `addMessages('fr', {...})` and `addMessages('en', {...})` change every element. */
export const OwnWording: Story = {
  name: 'Own wording',
  render: () => {
    removeAddedMessages();
    addMessages('fr', { 'status.delivered.label': 'Remis', 'status.hard-bounced.label': 'Adresse invalide' });
    addMessages('en', { 'status.delivered.label': 'Handed over', 'status.hard-bounced.label': 'Invalid address' });
    return html`<p>
      <email-status-badge status="delivered"></email-status-badge>
      <email-status-badge status="hard-bounced"></email-status-badge>
    </p>`;
  },
};

/** Every shared token, its default and what it changes (element-specific ones are on each element's Docs). */
export const Tokens: Story = {
  render: () => html`<table style="font: 0.875rem system-ui; border-collapse: collapse">
    <thead><tr><th align="left">Token</th><th align="left">Changes</th><th align="left">Default</th></tr></thead>
    <tbody>${THEME_TOKENS.map((t) => html`<tr><td><code>${t.name}</code></td><td>${t.description}</td><td><code>${t.default}</code></td></tr>`)}</tbody>
  </table>`,
};
