// A value an enumerated attribute does not take (`layout="gird"`, `live="stream"`) falls back to the default, as
// HTML's own attributes do, but unlike them it is said once in the console, with the values it takes: the page's
// developer sees why the layout did not change. Absent or empty: the default, without a word.
import { expect, fixture, html } from '@open-wc/testing';
import { StaticDataSource } from '../../src/data/index.js';
import '../../src/elements/campaign-stats/define.js';
import '../../src/elements/email-status-badge/define.js';
import '../../src/elements/status-source/define.js';
import '../../src/elements/status-timeline/define.js';
import { warningsOf } from '../support/console.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('enumerated attributes given a value they do not take', () => {
  it('<campaign-stats layout>: the grid, and one warning naming the value and the values it takes', async () => {
    const warned = await warningsOf(async () => {
      for (let i = 0; i < 3; i++) {
        const el = await fixture<HTMLElement>(html`<campaign-stats lang="en" layout="gird" .counts=${{ sent: 10, delivered: 9 }}></campaign-stats>`);
        expect(shadow(el).querySelector('[part~="base"]')!.classList.contains('layout-grid'), 'the default layout').to.equal(true);
      }
    });
    expect(warned, 'once for the three elements').to.deep.equal(['estafette: <campaign-stats> layout="gird" is none of grid, list, compact: grid is used.']);
  });

  it('<campaign-stats convention>: the default denominators, and one warning', async () => {
    const warned = await warningsOf(async () => {
      const el = await fixture<HTMLElement>(html`<campaign-stats lang="en" convention="per-deliverd" .counts=${{ sent: 100, delivered: 50, unsubscribed: 1, opened: 10 }}></campaign-stats>`);
      const denominator = shadow(el).querySelector('[data-metric="unsubscribed"] [part~="denominator"]')!.textContent!.trim();
      expect(denominator, 'the default convention: unsubscribes over opens').to.equal('of opened emails');
    });
    expect(warned).to.deep.equal(['estafette: <campaign-stats> convention="per-deliverd" is none of default, per-delivered: default is used.']);
  });

  it('<email-status-badge appearance> and size: the pill and the medium size, and one warning each', async () => {
    const warned = await warningsOf(async () => {
      const el = await fixture<HTMLElement>(html`<email-status-badge lang="en" status="delivered" appearance="dots" size="large"></email-status-badge>`);
      const badge = shadow(el).querySelector('[part~="badge"]')!;
      expect([badge.classList.contains('pill'), badge.classList.contains('small')]).to.deep.equal([true, false]);
      expect(shadow(el).querySelector('[part~="label"]')!.textContent!.trim(), 'the label, as in a pill').to.equal('Delivered');
    });
    expect(warned).to.deep.equal([
      'estafette: <email-status-badge> appearance="dots" is none of pill, dot, icon-only: pill is used.',
      'estafette: <email-status-badge> size="large" is none of small, medium: medium is used.',
    ]);
  });

  it('<status-timeline order>: newest first, and one warning', async () => {
    const events = [
      { provider: 'test', channel: 'email', messageId: 'm-1', type: 'sent', at: '2026-11-02T09:00:00Z', raw: 'sent' },
      { provider: 'test', channel: 'email', messageId: 'm-1', type: 'delivered', at: '2026-11-02T09:01:00Z', raw: 'delivered' },
    ];
    const warned = await warningsOf(async () => {
      const el = await fixture<HTMLElement>(html`<status-timeline lang="en" order="oldest" .events=${events}></status-timeline>`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const labels = [...shadow(el).querySelectorAll('[part~="row"] [part~="label"]')].map((label) => label.textContent!.trim());
      expect(labels, 'newest first').to.deep.equal(['Delivered', 'Sent']);
    });
    expect(warned).to.deep.equal(['estafette: <status-timeline> order="oldest" is none of newest-first, oldest-first: newest-first is used.']);
  });

  it('<status-source live>: the stream, and one warning', async () => {
    const warned = await warningsOf(async () => {
      await fixture(html`<status-source endpoint="/nowhere" live="stream"><email-status-badge status="sent"></email-status-badge></status-source>`);
    });
    expect(warned).to.deep.equal(['estafette: <status-source> live="stream" is none of sse, poll, off: sse is used.']);
  });

  it('says nothing for the values they take, an absent one or an empty one', async () => {
    const source = new StaticDataSource({ events: [] });
    const warned = await warningsOf(async () => {
      await fixture(html`<div>
        <campaign-stats layout="compact" convention="per-delivered" .counts=${{ sent: 1 }}></campaign-stats>
        <campaign-stats layout="" .counts=${{ sent: 1 }}></campaign-stats>
        <email-status-badge status="sent" appearance="dot" size="small"></email-status-badge>
        <email-status-badge status="sent" appearance=""></email-status-badge>
        <status-timeline order="oldest-first" .events=${[]}></status-timeline>
        <status-source .source=${source} live="poll"></status-source>
      </div>`);
    });
    expect(warned).to.deep.equal([]);
  });
});
