import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { CanonicalEvent, MessageStatus } from '../../src/core/index.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import '../../src/elements/status-timeline/define.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { loadExplanations } from '../../src/i18n/index.js';

// Provider text may carry bidirectional controls: U+202E (RIGHT-TO-LEFT OVERRIDE) turns "gnp.exe" into what reads
// as "exe.png", and reorders whatever follows it in the same paragraph. A value inside one of our sentences must
// be isolated: its own <bdi> (or an element that isolates), or alone in its own block.
const RLO = '\u202E';
const PDI = '\u2069'; // an unbalanced "pop directional isolate" must not close anything of ours either

/** Every text node under `root`, through shadow roots. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node as Text);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out;
}

/** Why the text node holding a hostile value is not isolated from the text around it, or undefined when it is. */
function notIsolated(text: Text): string | undefined {
  const value = text.data.trim();
  for (let el = text.parentElement; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (el.localName === 'bdi' || /isolate|plaintext/.test(style.unicodeBidi)) return undefined;
    if (style.display !== 'inline' && style.display !== 'contents') {
      // A block (or a flex item) is a paragraph of its own: fine if the value is all it says.
      return el.textContent?.trim() === value ? undefined : `"${value}" shares a paragraph with "${el.textContent?.trim()}"`;
    }
  }
  return `"${value}" is in no block`;
}

/** Text holding a control must be exactly one of the values (not the value inside our sentence), and isolated. */
function problemsIn(host: Element, values: readonly string[]): string[] {
  return textNodes(host)
    .filter((node) => node.data.includes(RLO))
    .flatMap((node) => (values.includes(node.data.trim()) ? (notIsolated(node) ?? []) : [`"${node.data.trim()}" mixes a value with other text`]));
}

describe('bidirectional controls in provider text', () => {
  before(() => loadExplanations('en'));

  it('stay inside the value in a badge and its tooltip', async () => {
    const value: MessageStatus = {
      messageId: 'm-1',
      channel: 'email',
      delivery: 'delivered',
      display: 'delivered',
      engagement: {},
      raw: `deli${RLO}vered${PDI}`,
      provider: `evil${RLO}gnp.exe`,
      updatedAt: '2026-11-02T09:00:00Z',
    } as MessageStatus;
    const el = await fixture<HTMLElement>(html`<div lang="en">
      <email-status-badge status=${`wo${RLO}rd${PDI}`}></email-status-badge>
      <email-status-badge .value=${value}></email-status-badge>
    </div>`);
    const badges = [...el.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
    for (const badge of badges) await badge.updateComplete;
    for (const badge of badges) await badge.showTooltip();
    // The values are shown (so the check below looked at them), and each is isolated.
    const shown = badges.flatMap((badge) => textNodes(badge).filter((node) => node.data.includes(RLO))).length;
    expect(shown).to.be.at.least(4); // the word as label and in the tooltip title, the provider's word and name
    expect(badges.flatMap((badge) => problemsIn(badge, [`wo${RLO}rd${PDI}`, value.raw!, value.provider!]))).to.deep.equal([]);
  });

  it('stay inside the value in timeline rows and details', async () => {
    const events: CanonicalEvent[] = [
      {
        provider: `evil${RLO}gnp.exe`,
        channel: 'email',
        messageId: 'm-1',
        type: 'unknown',
        at: '2026-11-02T09:00:00Z',
        raw: `odd${RLO}word${PDI}`,
        detail: { code: `55${RLO}0`, text: `mailbox ${RLO}full` },
      } as CanonicalEvent,
      // Older, so the row clicked below (the newest) is the one above; its link is not http(s): shown as text.
      {
        provider: 'sendgrid',
        channel: 'email',
        messageId: 'm-1',
        type: 'clicked',
        at: '2026-11-02T08:00:00Z',
        raw: 'click',
        detail: { url: `ftp://files.example/in${RLO}voice.pdf` },
      } as CanonicalEvent,
    ];
    const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
    await el.updateComplete;
    await nextFrame();
    const values = [events[0]!.provider, events[0]!.raw!, events[0]!.detail!.code!, events[0]!.detail!.text!, events[1]!.detail!.url!] as string[];
    for (const index of ['0', '1']) {
      el.shadowRoot!.querySelector<HTMLElement>(`[part~="row"][data-index="${index}"]`)!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="details"]'), `details of row ${index} open`).to.exist;
      // Rows: provider, word, code and diagnostic (row 0), the link (row 1); then the selected row's details again.
      const shown = textNodes(el).filter((node) => node.data.includes(RLO)).length;
      expect(shown, `row ${index}`).to.be.at.least(index === '0' ? 9 : 6);
      expect(problemsIn(el, values), `row ${index}`).to.deep.equal([]);
    }
  });
});
