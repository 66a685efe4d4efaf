import type { CanonicalEvent } from './event.js';

/** A list's events grouped by message: message `m`'s are `events[starts[m]]` to `events[ends[m] - 1]`. */
export interface MessageGroups {
  readonly events: readonly CanonicalEvent[];
  /** Messages in order of first appearance; each one's events in list order. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const grow = (array: Int32Array): Int32Array => {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
};

/**
 * Groups by message id the items of `list` that `isEvent` accepts (it deals with the others), in linear time.
 * Events of one message often come in runs: only the first event of each run is looked up by id.
 */
export function groupByMessage<T>(list: readonly T[], isEvent: (item: T, index: number) => item is T & CanonicalEvent): MessageGroups {
  // Runs of consecutive events of one message: where each starts and ends in the list, and whose it is.
  let runStarts: Int32Array = new Int32Array(1024);
  let runEnds: Int32Array = new Int32Array(1024);
  let runMessages: Int32Array = new Int32Array(1024);
  let runs = 0;
  const messageIndex = new Map<string, number>();
  let lastId: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (!isEvent(item, i)) {
      lastId = undefined;
      continue;
    }
    const id = item.messageId;
    if (id === lastId) {
      runEnds[runs - 1] = i + 1;
      continue;
    }
    if (runs === runStarts.length) {
      runStarts = grow(runStarts);
      runEnds = grow(runEnds);
      runMessages = grow(runMessages);
    }
    let message = messageIndex.get(id);
    if (message === undefined) messageIndex.set(id, (message = messageIndex.size));
    runStarts[runs] = i;
    runEnds[runs] = i + 1;
    runMessages[runs] = message;
    runs++;
    lastId = id;
  }
  // A counting sort of the runs by message, stable, so each message's events keep their list order.
  const messages = messageIndex.size;
  const ends = new Int32Array(messages);
  for (let r = 0; r < runs; r++) ends[runMessages[r]!]! += runEnds[r]! - runStarts[r]!;
  const starts = new Int32Array(messages);
  for (let m = 0, end = 0; m < messages; m++) {
    starts[m] = end;
    ends[m] = end += ends[m]!;
  }
  const events = new Array<CanonicalEvent>(ends[messages - 1] ?? 0);
  const next = starts.slice();
  for (let r = 0; r < runs; r++) {
    let at = next[runMessages[r]!]!;
    for (let i = runStarts[r]!; i < runEnds[r]!; i++) events[at++] = list[i] as T & CanonicalEvent;
    next[runMessages[r]!] = at;
  }
  return { events, starts, ends };
}
