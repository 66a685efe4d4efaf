import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import {
  TOOLTIP_HOST,
  TooltipController,
  installTooltipListeners,
  type TooltipHost,
} from '../../../src/elements/shared/tooltip-controller.js';
import type { TooltipPlacementStrategy } from '../../../src/elements/shared/tooltip-position.js';
import { tooltipStyles } from '../../../src/elements/shared/tooltip.styles.js';
import { hover } from './badge-helpers.js';

/** A minimal element using the controller the way any Estafette element would. */
class TipHostElement extends LitElement implements TooltipHost {
  static override styles = [tooltipStyles];
  @property() text = 'explained';
  @property() strategy: TooltipPlacementStrategy = 'anchor';
  @property({ type: Boolean }) alt = false;
  tooltip: TooltipController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    installTooltipListeners(this.ownerDocument);
  }

  [TOOLTIP_HOST](): TooltipController {
    return (this.tooltip ??= new TooltipController(this, {
      trigger: () => this.renderRoot.querySelector('button'),
      content: () => html`<p>${this.text}</p>`,
      showDelay: 50,
      strategy: this.strategy,
    }));
  }

  protected override render(): TemplateResult {
    // Two different templates: switching clears Lit's part, which must not take the tooltip with it.
    return this.alt ? html`<button>alt</button>` : html`<span>label</span><button>?</button>`;
  }
}
customElements.define('test-tip-host', TipHostElement);

const tipOf = (el: TipHostElement) => el.shadowRoot!.querySelector<HTMLElement>('[role="tooltip"]');

describe('TooltipController', () => {
  afterEach(() => resetMouse());

  it('survives the host switching templates, and keeps its content current', async () => {
    const el = await fixture<TipHostElement>(html`<test-tip-host></test-tip-host>`);
    el[TOOLTIP_HOST]().show();
    const tip = tipOf(el)!;
    el.alt = true;
    el.text = 'updated';
    await el.updateComplete;
    expect(tipOf(el)).to.equal(tip);
    expect(tip.textContent).to.equal('updated');
  });

  it('describes the trigger it was given', async () => {
    const el = await fixture<TipHostElement>(html`<test-tip-host></test-tip-host>`);
    el[TOOLTIP_HOST]().ensure();
    expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-describedby')).to.equal(tipOf(el)!.id);
  });

  it('honours its show delay on hover', async () => {
    const el = await fixture<TipHostElement>(html`<div style="padding: 40px"><test-tip-host></test-tip-host></div>`);
    const host = el.querySelector('test-tip-host') as TipHostElement;
    const button = host.shadowRoot!.querySelector('button')!;
    // Probes started as the pointer arrives: closed 10 ms in, open 250 ms in (its delay is 50 ms, the default 300).
    // Timers run in the order they fall due, so a busy machine delays the probes but cannot reorder them.
    const open: boolean[] = [];
    button.addEventListener('pointerover', () => [10, 250].forEach((ms) => setTimeout(() => open.push(host.tooltip?.open === true), ms)), { once: true });
    await hover(button);
    await waitUntil(() => open.length === 2, 'the probes did not run');
    expect(open).to.deep.equal([false, true]);
  });

  it('places the tooltip with Floating UI when asked, inside a clipped, transformed box, in the viewport', async () => {
    const el = await fixture(html`<div style="width: 20px; height: 20px; overflow: hidden; transform: translateX(3px); position: fixed; right: 0; bottom: 0"><button>before</button><test-tip-host strategy="floating" text="A longer explanation that needs some room to be read."></test-tip-host></div>`);
    const host = el.querySelector('test-tip-host') as TipHostElement;
    el.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => host.tooltip?.open === true, 'focus did not open it');
    const tip = tipOf(host)!;
    await waitUntil(() => tip.style.top !== '' && tip.style.visibility === '', 'never positioned');
    const rect = tip.getBoundingClientRect();
    expect(rect.width).to.be.greaterThan(100);
    expect(rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight, JSON.stringify(rect)).to.equal(true);
  });
});
