import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import type { MessageStatus } from '../../core/index.js';
import { noSourceError } from '../../data/errors.js';
import type { LiveUpdate, StatusDataSource } from '../../data/source.js';
import { warnLoadFailure } from '../shared/data-error.js';
import { AutoRetry, isAbort } from '../shared/retry.js';
import { cameBack, leftAt } from '../shared/departure.js';
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
 * - Live updates (`subscribe`) replace the status; a `message-event` for the message triggers a fresh lookup.
 *   An update older than what is shown is ignored. `onChange` hears every change of display status after the first load.
 */
export class MessageLoader implements ReactiveController {
  readonly #sources: SourceController;
  readonly #task: Task<[string | undefined, StatusDataSource | undefined], MessageStatus | null | undefined>;
  #latest: MessageStatus | undefined;
  /** The id and the source `latest` came from: another id or source shows nothing of it. */
  #latestFor: string | undefined;
  #latestFrom: StatusDataSource | undefined;
  readonly #retries = new AutoRetry(() => void this.#task.run());
  #subscribedTo: { id: string; source: StatusDataSource } | undefined;
  #unsubscribe: (() => void) | undefined;
  #abortedOnDisconnect = false;
  /** When it left the page (see `leftAt`). */
  #left?: number;
  /** The next lookup asks the back end itself (see `retry()`). */
  #fresh = false;
  readonly #host: MessageHost;
  readonly #onChange: (previous: MessageStatus, next: MessageStatus) => void;

  constructor(host: MessageHost, onChange: (previous: MessageStatus, next: MessageStatus) => void) {
    this.#host = host;
    this.#onChange = onChange;
    this.#sources = new SourceController(host);
    this.#task = new Task(host, {
      args: () => [followedId(host), this.#sources.source],
      task: async ([id, source], { signal }) => {
        this.#retries.stop();
        if (id === undefined) return undefined;
        if (!source) throw noSourceError();
        const fresh = this.#fresh;
        this.#fresh = false;
        const found = await source.getMessages([id], { signal, fresh });
        return found.get(id) ?? null;
      },
      onComplete: (status) => {
        this.#retries.reset();
        if (status) this.#accept(status);
        // The source no longer knows the message (deleted, another tenant's): what it said before goes.
        else if (status === null) this.#latest = undefined;
      },
      // No source: retried when one is set (the task's arguments change). Other data-source errors say themselves.
      onError: (error) => {
        warnLoadFailure(error, () => `the status of message ${JSON.stringify(followedId(host))}`);
        // The arguments in force are those of this run: a change of them starts another, whose end is the one heard.
        this.#retries.failed(error, [followedId(host), this.#sources.source]);
        if (!this.#host.isConnected) this.#retries.stop();
      },
    });
    host.addController(this);
  }

  /** What to show. A known status stays shown while a fresh lookup is under way. */
  get state(): LoadState {
    const id = followedId(this.#host);
    if (id === undefined) return { kind: 'idle' };
    if (this.#latest && this.#latestFor === id) return { kind: 'ready', status: this.#latest };
    switch (this.#task.status) {
      case TaskStatus.COMPLETE:
        return this.#task.value === null ? { kind: 'not-found' } : { kind: 'loading' };
      case TaskStatus.ERROR:
        return isAbort(this.#task.error)
          ? { kind: 'loading' }
          : { kind: 'error', error: this.#task.error, retrying: this.#retries.scheduled };
      default:
        // The same lookup tried again: its error stays until an answer (see AutoRetry.retrying).
        return this.#retries.retrying(id, this.#sources.source) && !isAbort(this.#task.error)
          ? { kind: 'error', error: this.#task.error, retrying: true }
          : { kind: 'loading' };
    }
  }

  /** Looks the message up again now, past any cache of the source. */
  retry(): void {
    this.#retries.stop();
    this.#fresh = true;
    void this.#task.run();
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
      this.#retries.reset();
    }
  }

  hostUpdated(): void {
    this.#syncSubscription();
  }

  hostConnected(): void {
    const away = cameBack(this.#left);
    this.#left = undefined;
    if (this.#abortedOnDisconnect) {
      this.#abortedOnDisconnect = false;
      this.retry();
    } else if (away && this.#task.status === TaskStatus.COMPLETE) {
      // Back on the page (a panel opened again): what changed while it was away reached no listener of its. Asked
      // again through the source's cache, which live updates kept current; what is shown stays meanwhile.
      void this.#task.run();
    }
    this.#syncSubscription();
  }

  hostDisconnected(): void {
    this.#retries.stop();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
    this.#left = leftAt();
    if (this.#task.status === TaskStatus.PENDING) {
      // Moving a row (sorting a table) disconnects and reconnects in the same task: only abort if it really left.
      queueMicrotask(() => {
        if (this.#host.isConnected || this.#task.status !== TaskStatus.PENDING) return;
        this.#abortedOnDisconnect = true;
        this.#task.abort();
      });
    }
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
    });
  }
}
