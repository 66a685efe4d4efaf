import { expect } from '@open-wc/testing';
import '../../src/define.js';

// Its own file, so its own page: the elements created here are the first this page ever connects (the page-wide
// lang observer once kept the first one, and the whole tree removed with it, alive forever).

type GcOptions = { type: 'major'; execution: 'async' };
/** A full collection, run after the current script has left the stack (a plain gc() may keep what the stack points to). */
async function collect(): Promise<void> {
  const gc = (window as { gc?: (options?: GcOptions) => Promise<void> | void }).gc;
  if (!gc) throw new Error('window.gc is missing: Chromium must run with --js-flags=--expose-gc (scripts/chromium-args.mjs)');
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await gc({ type: 'major', execution: 'async' });
  }
}

/** Mounts `html` in a table, renders it, removes it and returns weak references to the table and its elements. */
async function mountAndRemove(markup: string): Promise<WeakRef<object>[]> {
  const table = document.body.appendChild(document.createElement('div'));
  table.innerHTML = markup;
  const elements = [...table.querySelectorAll('email-status-badge, campaign-stats, status-timeline')] as HTMLElement[];
  await Promise.all(elements.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
  table.remove();
  return [new WeakRef(table), ...elements.map((el) => new WeakRef(el))];
}

/** A badge whose tooltip was opened and closed, then removed: weak references to it and its holder. */
async function openTooltipAndRemove(): Promise<WeakRef<object>[]> {
  const holder = document.body.appendChild(document.createElement('div'));
  holder.innerHTML = '<email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge>';
  const badge = holder.firstElementChild as HTMLElement & { showTooltip(): Promise<void>; hideTooltip(): void; updateComplete: Promise<unknown> };
  await badge.updateComplete;
  await badge.showTooltip();
  badge.hideTooltip();
  holder.remove();
  return [new WeakRef(holder), new WeakRef(badge)];
}

describe('elements removed from the page', () => {
  it('are garbage-collected, the first ones the page ever connected included', async () => {
    const refs = await mountAndRemove(`
      <email-status-badge status="delivered"></email-status-badge>
      <email-status-badge status="Délivré"></email-status-badge>
      <campaign-stats></campaign-stats>
      <status-timeline></status-timeline>`);
    await collect();
    expect(refs.filter((ref) => ref.deref() !== undefined).length).to.equal(0);
  });

  it('are garbage-collected after their tooltip was opened', async () => {
    const refs = await openTooltipAndRemove();
    await collect();
    expect(refs.filter((ref) => ref.deref() !== undefined).length).to.equal(0);
  });
});
