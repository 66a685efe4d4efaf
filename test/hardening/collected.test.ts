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

type Spec = readonly [tag: string, attributes?: Record<string, string>];

/** Mounts the elements in a holder, renders them, removes it and returns weak references to it and to them. */
async function mountAndRemove(specs: readonly Spec[]): Promise<WeakRef<object>[]> {
  const table = document.body.appendChild(document.createElement('div'));
  const elements = specs.map(([tag, attributes = {}]) => {
    const element = table.appendChild(document.createElement(tag));
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  });
  await Promise.all(elements.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
  table.remove();
  return [new WeakRef(table), ...elements.map((el) => new WeakRef(el))];
}

/** A badge whose tooltip was opened and closed, then removed: weak references to it and its holder. */
async function openTooltipAndRemove(): Promise<WeakRef<object>[]> {
  const holder = document.body.appendChild(document.createElement('div'));
  const badge = holder.appendChild(document.createElement('email-status-badge'));
  badge.setAttribute('status', 'soft-bounced');
  badge.setAttribute('reason', 'mailbox-full');
  await badge.updateComplete;
  await badge.showTooltip();
  badge.hideTooltip();
  holder.remove();
  return [new WeakRef(holder), new WeakRef(badge)];
}

describe('elements removed from the page', () => {
  it('are garbage-collected, the first ones the page ever connected included', async () => {
    const refs = await mountAndRemove([
      ['email-status-badge', { status: 'delivered' }],
      ['email-status-badge', { status: 'Délivré' }],
      ['campaign-stats'],
      ['status-timeline'],
    ]);
    await collect();
    expect(refs.filter((ref) => ref.deref() !== undefined).length).to.equal(0);
  });

  it('are garbage-collected after their tooltip was opened', async () => {
    const refs = await openTooltipAndRemove();
    await collect();
    expect(refs.filter((ref) => ref.deref() !== undefined).length).to.equal(0);
  });
});
