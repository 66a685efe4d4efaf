import { TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import type { MessageStatus } from '../../core/index.js';
import type { LiveUpdate, StatusDataSource } from '../../data/source.js';
import { LoadTask } from '../shared/load-task.js';
import { isAbort } from '../shared/retry.js';
import { SourceController, type SourceHost } from '../shared/source-controller.js';
import { text } from '../shared/text.js';

/** An element that follows one message. */
export type MessageHost = SourceHost & { messageId?: string | undefined };

/** The id a host follows: its `messageId` without surrounding spaces; none for an empty or blank one. */
export const followedId = (host: { messageId?: string | undefined }): string | undefined => text(host.messageId);

/** Where a message lookup stands. */
export type LoadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly status: MessageStatus }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'error'; readonly error: unknown; readonly retrying: boolean };

/** Later-or-equal by event time; an unreadable time never wins over a readable one. */
const notOlder = (next: MessageStatus, current: MessageStatus): boolean => {
  const a = Date.parse(next.updatedAt);
  const b = Date.parse(current.updatedAt);
  return Number.isNaN(b) || (!Number.isNaN(a) && a >= b);
};

/**
 * Loads one message's status through the data source in force (see `SourceController`) and follows its live
 * updates. Created by an element only once it has a `message-id`: a badge given its status as attributes pays for
 * none of this.
 *
 * - Lookups go through `getMessages([id])` in the element's update, so every badge rendered in one task asks in
 *   the same task: a batching source (RestDataSource) turns a page of badges into one request.
 * - A failed lookup that may work later (network, 5xx, timeout) is retried with backoff, through the source,
 *   in shared one-second slots so that a failing page retries as one batch; a change of source or id retries at once.
 * - Live updates (`subscribe`) replace the status; a `message-event` for the message triggers a fresh lookup, a
 *   `message-missing` one through the source (which now says it does not know the message).
 *   An update older than what is shown is ignored. `onChange` hears every change of display status after the first load.
 */
export class MessageLoader implements ReactiveController {
  readonly #sources: SourceController;
  readonly #load: LoadTask<MessageStatus | null>;
  #latest: MessageStatus | undefined;
  /** The id and the source `latest` came from: another id or source shows nothing of it. */
  #latestFor: string | undefined;
  #latestFrom: StatusDataSource | undefined;
  #subscribedTo: { id: string; source: StatusDataSource } | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #host: MessageHost;
  readonly #onChange: (previous: MessageStatus, next: MessageStatus) => void;

  constructor(host: MessageHost, onChange: (previous: MessageStatus, next: MessageStatus) => void) {
    this.#host = host;
    this.#onChange = onChange;
    this.#sources = new SourceController(host);
    this.#load = new LoadTask(host, {
      args: () => [followedId(host), this.#sources.source],
      load: async (source, id, options) => (await source.getMessages([id], options)).get(id) ?? null,
      what: () => `the status of message ${JSON.stringify(followedId(host))}`,
      // Through the source's cache: the badges of a page retry as one batch.
      retryFresh: false,
      onComplete: (status) => {
        if (status) this.#accept(status);
        // The source no longer knows the message (deleted, another tenant's): what it said before goes.
        else if (status === null) this.#latest = undefined;
      },
    });
    host.addController(this);
  }

  /** What to show. A known status stays shown while a fresh lookup is under way. */
  get state(): LoadState {
    const id = followedId(this.#host);
    if (id === undefined) return { kind: 'idle' };
    if (this.#latest && this.#latestFor === id) return { kind: 'ready', status: this.#latest };
    const { task, retries } = this.#load;
    switch (task.status) {
      case TaskStatus.COMPLETE:
        return task.value === null ? { kind: 'not-found' } : { kind: 'loading' };
      case TaskStatus.ERROR:
        return isAbort(task.error) ? { kind: 'loading' } : { kind: 'error', error: task.error, retrying: retries.scheduled };
      default:
        // The same lookup tried again: its error stays until an answer (see AutoRetry.retrying).
        return retries.retrying(id, this.#sources.source) && !isAbort(task.error)
          ? { kind: 'error', error: task.error, retrying: true }
          : { kind: 'loading' };
    }
  }

  /** Looks the message up again now, past any cache of the source. */
  retry(): void {
    void this.#load.refresh();
  }

  hostUpdate(): void {
    // A new id, or a new source (the badge moved into another <status-source>, the page switched tenants): what was
    // shown belongs to the previous message, or came from elsewhere.
    const id = followedId(this.#host);
    const source = this.#sources.source;
    if (this.#latestFor !== id || this.#latestFrom !== source) {
      this.#latest = undefined;
      this.#latestFor = id;
      this.#latestFrom = source;
      this.#load.retries.reset();
    }
  }

  hostUpdated(): void {
    this.#syncSubscription();
  }

  hostConnected(): void {
    this.#syncSubscription();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  #accept(next: MessageStatus): void {
    const id = followedId(this.#host);
    if (next.messageId !== id) return;
    const previous = this.#latestFor === id ? this.#latest : undefined;
    if (previous && !notOlder(next, previous)) return;
    this.#latest = next;
    this.#latestFor = id;
    this.#host.requestUpdate();
    if (previous && previous.display !== next.display) this.#onChange(previous, next);
  }

  #syncSubscription(): void {
    const id = followedId(this.#host);
    const source = this.#sources.source;
    const want = this.#host.isConnected && id !== undefined && source?.subscribe ? { id, source } : undefined;
    if (want?.id === this.#subscribedTo?.id && want?.source === this.#subscribedTo?.source) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = want;
    if (!want) return;
    this.#unsubscribe = want.source.subscribe!({ kind: 'message', id: want.id }, (update: LiveUpdate) => {
      if (update.type === 'message-status') this.#accept(update.status);
      else if (update.type === 'message-event' && update.event.messageId === want.id) this.retry();
      // Deleted on the server: read again through the source, which now says so.
      else if (update.type === 'message-missing') void this.#load.task.run();
    });
  }
}
