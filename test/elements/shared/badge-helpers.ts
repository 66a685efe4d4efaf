// Shared by the <email-status-badge> test files: part lookups, a real-input hover, message statuses and a fake
// data source that batches like RestDataSource (lookups of one task, one batch) and counts what it is asked.
import { sendMouse } from '@web/test-runner-commands';
import type { DisplayStatus, MessageStatus } from '../../../src/core/index.js';
import type { LiveListener, LiveTopic, StatusDataSource } from '../../../src/data/source.js';
import type { EmailStatusBadgeElement } from '../../../src/elements/email-status-badge/email-status-badge.js';

export const part = (el: EmailStatusBadgeElement, name: string): HTMLElement =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** The label a badge shows; empty while it loads its message, when it draws no label. */
export const labelOf = (el: EmailStatusBadgeElement): string =>
  el.shadowRoot!.querySelector('[part~="label"]')?.textContent ?? '';

/** The badge's accessible name (its `aria-label`). */
export const nameOf = (el: EmailStatusBadgeElement): string | null => part(el, 'badge').getAttribute('aria-label');

export const tooltipOf = (el: EmailStatusBadgeElement): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]');

export const isOpen = (el: EmailStatusBadgeElement): boolean => tooltipOf(el)?.matches(':popover-open') ?? false;

/** Once a tooltip opened by focus or hover has faded in (axe sees a fading text's colors mixed with the page's). */
export const fadedIn = async (el: EmailStatusBadgeElement): Promise<void> => {
  await Promise.allSettled(tooltipOf(el)?.getAnimations().map((animation) => animation.finished) ?? []);
};

/** What a screen reader says after the badge's name: the text of what its aria-describedby points to, in order. */
export const descriptionOf = (el: EmailStatusBadgeElement): string =>
  (part(el, 'badge').getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim())
    .join(' ');

/**
 * Moves the real mouse to the center of `target`, by way of the point beside it: in WebKit, neither content moved
 * under a resting mouse nor a move to where it already is updates `:hover` (Chromium does both), so a test that
 * hovers the same spot after a scroll would read the element that was there before.
 */
export async function hover(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  const [x, y] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
  await sendMouse({ type: 'move', position: [x + 1, y] });
  await sendMouse({ type: 'move', position: [x, y] });
}

/** A message status, with only what a badge reads. */
export function statusOf(messageId: string, display: DisplayStatus, extra: Partial<MessageStatus> = {}): MessageStatus {
  return {
    messageId,
    channel: 'email',
    delivery: 'delivered',
    display,
    engagement: {},
    updatedAt: '2026-11-02T09:00:00.000Z',
    settled: true,
    ...extra,
  } as MessageStatus;
}

/** A data source that batches the lookups of one task into one "request", like RestDataSource. */
export class FakeSource implements StatusDataSource {
  /** Every `getMessages` call, with its ids. */
  readonly calls: string[][] = [];
  /** Every batch that went out. */
  readonly batches: string[][] = [];
  readonly statuses = new Map<string, MessageStatus>();
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private queue: { ids: readonly string[]; resolve: (map: Map<string, MessageStatus>) => void; reject: (e: unknown) => void }[] = [];
  /** Set to make the next batches fail with it (one batch per entry). */
  failures: unknown[] = [];
  /** When true, batches wait for `release()`. */
  hold = false;

  constructor(statuses: readonly MessageStatus[] = []) {
    for (const s of statuses) this.statuses.set(s.messageId, s);
  }

  getMessages(ids: readonly string[]): Promise<Map<string, MessageStatus>> {
    this.calls.push([...ids]);
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0 && !this.hold) setTimeout(() => this.flush(), 0);
      this.queue.push({ ids, resolve, reject });
    });
  }

  release(): void {
    this.hold = false;
    this.flush();
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = [];
    if (queue.length === 0) return;
    this.batches.push(queue.flatMap((q) => q.ids));
    const failure = this.failures.shift();
    for (const q of queue) {
      if (failure !== undefined) q.reject(failure);
      else q.resolve(new Map(q.ids.flatMap((id) => (this.statuses.has(id) ? [[id, this.statuses.get(id)!] as const] : []))));
    }
  }

  getMessageEvents(): never {
    throw new Error('not used');
  }
  getCampaignStats(): never {
    throw new Error('not used');
  }
  getCampaignHistory(): never {
    throw new Error('not used');
  }

  subscribe(topic: LiveTopic, listener: LiveListener): () => void {
    let set = this.listeners.get(topic.id);
    if (!set) this.listeners.set(topic.id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscriberCount(id: string): number {
    return this.listeners.get(id)?.size ?? 0;
  }

  /** Pushes a new status to the message's subscribers. */
  push(status: MessageStatus): void {
    this.statuses.set(status.messageId, status);
    for (const listener of this.listeners.get(status.messageId) ?? []) listener({ type: 'message-status', status });
  }

  /** Deletes a message and tells its subscribers (`message-missing`): later lookups leave it out. */
  remove(messageId: string): void {
    this.statuses.delete(messageId);
    for (const listener of this.listeners.get(messageId) ?? []) listener({ type: 'message-missing', messageId });
  }
}
