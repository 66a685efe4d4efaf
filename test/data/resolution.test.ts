import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { RestDataSource, StaticDataSource, setDefaultSource, type StatusDataSource } from '../../src/data/index.js';
import { checkedSource } from '../../src/data/checked-source.js';
import { SourceController } from '../../src/elements/shared/source-controller.js';
import '../../src/elements/status-source/define.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { statusOf } from '../elements/shared/badge-helpers.js';
import { StatusSourceElement } from '../../src/elements/status-source/status-source.js';
import '../support/axe.js';

/** The smallest element that resolves a source the way Estafette's elements do. */
class SourceProbeElement extends LitElement {
  @property({ attribute: false }) source: StatusDataSource | undefined;
  readonly resolver = new SourceController(this);
  override render() {
    return html`${this.resolver.source ? 'with a source' : 'no data source'}`;
  }
}
if (!customElements.get('test-source-probe')) customElements.define('test-source-probe', SourceProbeElement);

const named = () => new StaticDataSource();

describe('data source resolution: own property, then <status-source>, then the default', () => {
  afterEach(() => setDefaultSource(undefined));

  it('registers <status-source> through define() as a contents-only wrapper around a slot', async () => {
    expect(customElements.get('status-source')).to.equal(StatusSourceElement);
    const el = await fixture<StatusSourceElement>(html`<status-source><span>child</span></status-source>`);
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
  });

  it('uses the page default when nothing closer gives one', async () => {
    const fallback = named();
    setDefaultSource(fallback);
    const probe = await fixture<SourceProbeElement>(html`<test-source-probe></test-source-probe>`);
    expect(probe.resolver.source).to.equal(checkedSource(fallback));
  });

  it('prefers the nearest <status-source> to the default', async () => {
    const fallback = named();
    const provided = named();
    setDefaultSource(fallback);
    const wrapper = await fixture(html`<status-source .source=${provided}><test-source-probe></test-source-probe></status-source>`);
    expect(wrapper.querySelector<SourceProbeElement>('test-source-probe')!.resolver.source).to.equal(checkedSource(provided));
  });

  it('prefers its own source property to any <status-source>', async () => {
    const provided = named();
    const own = named();
    const wrapper = await fixture(html`<status-source .source=${provided}><test-source-probe .source=${own}></test-source-probe></status-source>`);
    expect(wrapper.querySelector<SourceProbeElement>('test-source-probe')!.resolver.source).to.equal(checkedSource(own));
  });

  it('takes the nearest of nested <status-source> elements', async () => {
    const outer = named();
    const inner = named();
    const wrapper = await fixture(html`
      <status-source .source=${outer}><div><status-source .source=${inner}><test-source-probe></test-source-probe></status-source></div></status-source>
    `);
    expect(wrapper.querySelector<SourceProbeElement>('test-source-probe')!.resolver.source).to.equal(checkedSource(inner));
  });

  it('has no source, and says so, when none is configured anywhere', async () => {
    const probe = await fixture<SourceProbeElement>(html`<test-source-probe></test-source-probe>`);
    expect(probe.resolver.source).to.equal(undefined);
    expect(probe.shadowRoot!.textContent).to.contain('no data source');
  });

  it('creates a RestDataSource from the endpoint, live and poll-interval attributes', async () => {
    const wrapper = await fixture<StatusSourceElement>(
      html`<status-source endpoint="/api" live="poll" poll-interval="5000"><test-source-probe></test-source-probe></status-source>`,
    );
    const source = wrapper.querySelector<SourceProbeElement>('test-source-probe')!.resolver.source;
    expect(source).to.be.instanceOf(RestDataSource);
    expect((source as RestDataSource).options).to.include({ baseUrl: '/api', live: 'poll', pollInterval: 5_000 });
    expect(wrapper.providedSource).to.equal(source);
  });

  it('polls at the default pace, with a warning, for a poll-interval under a second (milliseconds, not seconds)', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      for (const given of ['15', '0', '-5', 'soon']) {
        const wrapper = await fixture<StatusSourceElement>(
          html`<status-source endpoint="/api" live="poll" poll-interval=${given}><test-source-probe></test-source-probe></status-source>`,
        );
        const source = wrapper.querySelector<SourceProbeElement>('test-source-probe')!.resolver.source as RestDataSource;
        expect(source.options.pollInterval, given).to.equal(15_000);
      }
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('poll-interval')), 'one per value').to.have.length(4);
    expect(warnings[0]).to.contain('poll-interval="15"').and.contain('at least 1000');
  });

  it('hands the elements inside a new source when the endpoint changes, and the given source when one is set', async () => {
    const wrapper = await fixture<StatusSourceElement>(html`<status-source endpoint="/api"><test-source-probe></test-source-probe></status-source>`);
    const probe = wrapper.querySelector<SourceProbeElement>('test-source-probe')!;
    const first = probe.resolver.source;

    wrapper.endpoint = '/other-api';
    await wrapper.updateComplete;
    expect(probe.resolver.source).to.not.equal(first);
    expect((probe.resolver.source as RestDataSource).options.baseUrl).to.equal('/other-api');

    const given = named();
    wrapper.source = given;
    await wrapper.updateComplete;
    expect(probe.resolver.source).to.equal(checkedSource(given));
  });

  it('keeps the same source when nothing it depends on changed', async () => {
    const wrapper = await fixture<StatusSourceElement>(html`<status-source endpoint="/api"><test-source-probe></test-source-probe></status-source>`);
    const first = wrapper.providedSource;
    wrapper.requestUpdate();
    wrapper.live = 'sse';
    await wrapper.updateComplete;
    expect(wrapper.providedSource).to.equal(first);
  });

  it('falls back to the default when moved out of its <status-source>', async () => {
    const fallback = named();
    const provided = named();
    setDefaultSource(fallback);
    const wrapper = await fixture(html`<div><status-source .source=${provided}><test-source-probe></test-source-probe></status-source></div>`);
    const probe = wrapper.querySelector<SourceProbeElement>('test-source-probe')!;
    expect(probe.resolver.source).to.equal(checkedSource(provided));
    wrapper.append(probe);
    await probe.updateComplete;
    expect(probe.resolver.source).to.equal(checkedSource(fallback));
  });

  it('follows a change of the default after the element is on the page', async () => {
    const probe = await fixture<SourceProbeElement>(html`<test-source-probe></test-source-probe>`);
    const later = named();
    setDefaultSource(later);
    await probe.updateComplete;
    expect(probe.resolver.source).to.equal(checkedSource(later));
    expect(probe.shadowRoot!.textContent).to.contain('with a source');
  });

  it('says it has no data source, and why in the console, when given a URL in place of one, rather than failing to render', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const badge = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${'/api/estafette' as never}></email-status-badge>`);
      const name = () => badge.shadowRoot!.querySelector('[part~="badge"]')?.getAttribute('aria-label');
      await waitUntil(() => name() === 'Unavailable. No data source is set up for this status.', `reads ${name()}`, { timeout: 3000 });
      await expect(badge).to.be.accessible();

      // In a <status-source> given a URL as its source: the page default, said too.
      setDefaultSource(new StaticDataSource({ statuses: [statusOf('m-2', 'opened')] }));
      const wrapper = await fixture(html`<status-source .source=${'/api/other' as never}><email-status-badge lang="en" message-id="m-2"></email-status-badge></status-source>`);
      const inner = wrapper.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
      await waitUntil(() => inner.shadowRoot!.querySelector('[part~="label"]')?.textContent === 'Opened', 'the default is not read', { timeout: 3000 });
      expect(warnings).to.deep.equal([
        'estafette: <email-status-badge>.source is string "/api/estafette", not a data source; ignored (a URL goes in <status-source endpoint>).',
        'estafette: <status-source>.source is string "/api/other", not a data source; ignored (a URL goes in <status-source endpoint>).',
      ]);
    } finally {
      console.warn = original;
    }
  });
});
