// The page's inherited text properties stay out of the elements. Found by audit F: under an ancestor with
// `white-space: pre-wrap` (a user-text panel), the templates' own line breaks showed, and <campaign-stats> grew from
// 1,178 to 1,896 px high, <status-timeline> from 293 to 733 px; text-indent, letter-spacing, word-spacing and
// text-transform widened or rewrote the badge's and the timeline's labels.
import { expect, html, nextFrame } from '@open-wc/testing';
import { render, type LitElement } from 'lit';
import type { CampaignCounts } from '../../src/core/index.js';
import '../../src/define.js';
import { ev } from '../core/event-factory.js';

const COUNTS: CampaignCounts = { sent: 1000, delivered: 900, opened: 300, clicked: 40, unsubscribed: 12, complained: 4, softBounced: 30, hardBounced: 40 };
const EVENTS = [ev('queued', 0), ev('sent', 1), ev('delivered', 2), ev('opened', 5)];
const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline'] as const;

/** The three elements under a 700 px wide ancestor with `style`; `own` styles each element itself. */
async function mount(style: string, own = ''): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.setAttribute('style', `width: 700px; ${style}`);
  host.lang = 'en';
  document.body.append(host);
  render(
    html`<p><email-status-badge style=${own} status="soft-bounced" reason="mailbox-full"></email-status-badge></p>
      <campaign-stats style=${own} channel="email" campaign-name="Spring sale" .counts=${COUNTS}></campaign-stats>
      <status-timeline style=${own} .events=${EVENTS}></status-timeline>`,
    host,
  );
  for (const el of host.querySelectorAll<LitElement>(TAGS.join(','))) await el.updateComplete;
  await nextFrame();
  await nextFrame();
  return host;
}

/** Each element's size, and the size and rendered text of its first label. */
function layout(host: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of TAGS) {
    const el = host.querySelector(tag)!;
    const box = el.getBoundingClientRect();
    const label = el.shadowRoot!.querySelector<HTMLElement>('[part~="label"]')!;
    const labelBox = label.getBoundingClientRect();
    out[tag] = `${Math.round(box.width)}×${Math.round(box.height)}, label ${Math.round(labelBox.width)}×${Math.round(labelBox.height)} "${label.innerText}"`;
  }
  return out;
}

describe('the page’s inherited text properties', () => {
  let baseline: Record<string, string>;
  before(async () => {
    const host = await mount('');
    baseline = layout(host);
    host.remove();
  });

  for (const rule of [
    'white-space: pre-wrap',
    'white-space: pre',
    'white-space: nowrap',
    'text-indent: 3em',
    'letter-spacing: 0.3em',
    'word-spacing: 2em',
    'text-transform: uppercase',
  ]) {
    it(`leave the badge, the stats and the timeline as they are under an ancestor with ${rule}`, async () => {
      const host = await mount(rule);
      try {
        expect(layout(host)).to.deep.equal(baseline);
      } finally {
        host.remove();
      }
    });
  }

  it('still apply when the page sets them on the element itself', async () => {
    const host = await mount('', 'text-transform: uppercase');
    try {
      const label = (tag: string) => host.querySelector(tag)!.shadowRoot!.querySelector<HTMLElement>('[part~="label"]')!.innerText;
      // (The stats' labels are in buttons, which never inherit text-transform.)
      expect([label('email-status-badge'), label('status-timeline')]).to.deep.equal(['SOFT BOUNCE', 'OPENED']);
    } finally {
      host.remove();
    }
  });
});
