import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { noSourceError } from '../../data/errors.js';
import type { StatusDataSource } from '../../data/source.js';
import { warnLoadFailure } from './data-error.js';
import { cameBack, leftAt } from './departure.js';
import { AutoRetry } from './retry.js';

/** What a {@link LoadTask} loads. */
export interface LoadTaskOptions<R> {
  /** The id to load (none: nothing is loaded) and the data source in force; a change of either loads again. */
  readonly args: () => readonly [id: string | undefined, source: StatusDataSource | undefined];
  /** Loads `id` through `source`; `fresh` asks the back end itself, past any cache of the source. */
  readonly load: (source: StatusDataSource, id: string, options: { signal: AbortSignal; fresh: boolean }) => Promise<R>;
  /** What is loaded, for the console: `the status of message "m-1"`. */
  readonly what: () => string;
  /** Whether an automatic retry asks past the source's cache too, as {@link LoadTask.refresh} does. */
  readonly retryFresh: boolean;
  readonly onComplete?: (value: R | undefined) => void;
}

/**
 * One element's load of an id through its data source (a Lit `Task`), with what every loading element does around it:
 * - a failure that may go away by itself (network, 5xx, timeout) is tried again (`AutoRetry`); a success starts the
 *   pace over;
 * - no source: the load fails with the shared no-source error, and runs again once one is set (its arguments change);
 * - an element that leaves the page while loading aborts the load, and loads again, past the cache, when it comes
 *   back; one that comes back after a completed load asks again through the source's cache, which live updates kept
 *   current (what changed while it was away reached no listener of its); one whose load had failed tries again (its
 *   retries stopped when it left). Moving in the page disconnects and reconnects in the same task: that is not leaving
 *   (a retry waiting still runs).
 */
export class LoadTask<R> implements ReactiveController {
  readonly task: Task<readonly [string | undefined, StatusDataSource | undefined], R | undefined>;
  readonly retries: AutoRetry;
  readonly #host: ReactiveControllerHost & { readonly isConnected: boolean };
  /** The next load asks the back end itself (see `refresh()`). */
  #fresh = false;
  /** When it left the page (see `leftAt`). */
  #left?: number;
  #abortedOnDisconnect = false;
  /** Loads again as an automatic retry does. */
  readonly #again: () => void;

  constructor(host: ReactiveControllerHost & { readonly isConnected: boolean }, options: LoadTaskOptions<R>) {
    this.#host = host;
    this.#again = () => void (options.retryFresh ? this.refresh() : this.task.run());
    this.retries = new AutoRetry(this.#again);
    this.task = new Task(host, {
      args: options.args,
      task: async ([id, source], { signal }) => {
        this.retries.stop();
        if (!id) return undefined;
        if (!source) throw noSourceError();
        const fresh = this.#fresh;
        this.#fresh = false;
        return options.load(source, id, { signal, fresh });
      },
      onComplete: (value) => {
        this.retries.reset();
        options.onComplete?.(value);
      },
      // No source: retried when one is set (the task's arguments change). Other data-source errors say themselves.
      onError: (error) => {
        warnLoadFailure(error, options.what);
        // The arguments in force are those of this run: a change of them starts another, whose end is the one heard.
        this.retries.failed(error, options.args());
        if (!host.isConnected) this.retries.stop();
      },
    });
    host.addController(this);
    // Created off the page (put on it and taken off in one task, before its first update): what it loads now nothing
    // keeps current (it follows nothing off the page), as for one that left.
    if (!host.isConnected) this.#left = leftAt();
  }

  /** Loads again now, past any cache of the source. */
  refresh(): Promise<void> {
    this.#fresh = true;
    return this.task.run();
  }

  hostConnected(): void {
    const away = cameBack(this.#left);
    this.#left = undefined;
    if (this.#abortedOnDisconnect) {
      this.#abortedOnDisconnect = false;
      void this.refresh();
    } else if (away && this.task.status === TaskStatus.COMPLETE) {
      // Back on the page (a panel opened again): asked again through the source's cache; what is shown stays meanwhile.
      void this.task.run();
    } else if (away && this.task.status === TaskStatus.ERROR) {
      // Its retries stopped when it left: it tries again now.
      this.#again();
    }
  }

  hostDisconnected(): void {
    this.#left = leftAt();
    // Moving in the page (sorting a table) disconnects and reconnects in the same task: only stop retrying, or abort, if
    // it really left (a badge moved while its retry waited would show its error for good).
    queueMicrotask(() => {
      if (this.#host.isConnected) return;
      this.retries.stop();
      if (this.task.status !== TaskStatus.PENDING) return;
      this.#abortedOnDisconnect = true;
      this.task.abort();
    });
  }
}
