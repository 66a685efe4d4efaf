import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { translate, type Locale } from '../../i18n/index.js';
import { toggletip } from '../shared/toggletip.js';
import { icon } from './icons.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * A message's four stages as an ordered list (each with its state said in words, not by color alone), an ⓘ button
 * that explains the four (a toggletip, as `<campaign-stats>`' indicators have: by keyboard, touch and mouse alike),
 * and the line saying where a failed message stopped or that it bounced after delivery.
 */
export function renderStages(locale: Locale, lifecycle: Lifecycle): TemplateResult {
  const label = translate(locale, 'timeline.stages');
  const stageName = (stage: string) => translate(locale, `timeline.stage.${stage}`);
  return html`<div class="progress"><ol part="stages" class="stages" aria-label=${label}>
      ${lifecycle.stages.map(
        ({ stage, state: s }) => html`<li
          part="stage stage-${s}"
          class="stage ${s} ${s === 'done' ? 'success' : s === 'stopped' ? 'danger' : ''}"
          aria-current=${ifDefined(s === 'current' ? 'step' : undefined)}
        >
          <span part="stage-marker" class="marker" aria-hidden="true">${icon(s === 'stopped' ? 'x-circle' : s === 'upcoming' ? 'clock' : 'check')}</span>
          <span class="stage-label">${stageName(stage)}</span>
          <span class="visually-hidden"
            >${translate(locale, `timeline.stage-state.${s}`)}${s === 'done' || s === 'current'
              ? `. ${translate(locale, `timeline.stage-help.${stage}`)}` /* what it means (past tense: a stage reached) */
              : ''}</span
          >
        </li>`,
      )}
    </ol>${toggletip(
      'stages-help',
      translate(locale, 'timeline.stages-about'),
      locale,
      // Every stage, reached or not (the list says a reached stage's meaning to screen readers already).
      lifecycle.stages.map(({ stage }) => html`<span class="tip-line">${translate(locale, 'timeline.stage-title', { stage: stageName(stage), help: translate(locale, `timeline.stage-help.${stage}`) })}</span>`),
    )}</div>
    ${lifecycle.stoppedAt // (given with the failure that stopped it: see computeLifecycle)
      ? html`<p part="outcome" class="outcome danger">
          ${lifecycle.asyncBounce
            ? translate(locale, 'timeline.async-bounce')
            : translate(locale, 'timeline.stopped-at', { stage: stageName(lifecycle.stoppedAt) })}
          <span class="failure">${translate(locale, `status.${lifecycle.failure!}.label`)}</span>
        </p>`
      : nothing}`;
}
