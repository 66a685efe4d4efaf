import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { translate, type Locale } from '../../i18n/index.js';
import { icon } from './icons.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * A message's four stages as an ordered list (each with its state said in words, not by color alone), and the line
 * saying where a failed message stopped or that it bounced after delivery.
 */
export function renderStages(locale: Locale, lifecycle: Lifecycle): TemplateResult {
  const failure = lifecycle.failure;
  return html`<ol part="stages" class="stages" aria-label=${translate(locale, 'timeline.stages')}>
      ${lifecycle.stages.map(
        ({ stage, state: s }) => html`<li
          part="stage stage-${s}"
          class="stage ${s} ${s === 'done' ? 'success' : s === 'stopped' ? 'danger' : ''}"
          aria-current=${ifDefined(s === 'current' ? 'step' : undefined)}
          title=${translate(locale, 'timeline.stage-title', { stage: translate(locale, `timeline.stage.${stage}`), help: translate(locale, `timeline.stage-help.${stage}`) })}
        >
          <span part="stage-marker" class="marker" aria-hidden="true">${icon(s === 'stopped' ? 'x-circle' : s === 'upcoming' ? 'clock' : 'check')}</span>
          <span class="stage-label">${translate(locale, `timeline.stage.${stage}`)}</span>
          <span class="visually-hidden"
            >${translate(locale, `timeline.stage-state.${s}`)}${s === 'done' || s === 'current'
              ? `. ${translate(locale, `timeline.stage-help.${stage}`)}` /* what it means (past tense: a stage reached) */
              : ''}</span
          >
        </li>`,
      )}
    </ol>
    ${lifecycle.stoppedAt
      ? html`<p part="outcome" class="outcome danger">
          ${lifecycle.asyncBounce
            ? translate(locale, 'timeline.async-bounce')
            : translate(locale, 'timeline.stopped-at', { stage: translate(locale, `timeline.stage.${lifecycle.stoppedAt}`) })}
          ${failure ? html`<span class="failure">${translate(locale, `status.${failure}.label`)}</span>` : nothing}
        </p>`
      : nothing}`;
}
