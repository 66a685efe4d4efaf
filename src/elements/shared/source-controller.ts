import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { statusSourceContext } from '../../data/context.js';
import { getDefaultSource, onDefaultSourceChange } from '../../data/default-source.js';
import { checkedSource } from '../../data/checked-source.js';
import type { StatusDataSource } from '../../data/source.js';
import { warnOnce } from '../../data/warn-once.js';

const told = new Set<unknown>();

/**
 * `value` when it can be a data source (an object); else undefined, with a warning the first time the page sees
 * that value. A URL given as the `source` (`source="/api"` in React 19, which sets the property) is the likely case:
 * that is `<status-source endpoint>`.
 */
function sourceOrNone(value: unknown, where: string): StatusDataSource | undefined {
  if (value == null || typeof value === 'object' || typeof value === 'function') return (value ?? undefined) as StatusDataSource | undefined;
  if (!told.has(value)) warnOnce(`${where} is ${typeof value} ${typeof value == 'string' ? JSON.stringify(value) : String(value)}, not a data source; ignored (a URL goes in <status-source endpoint>).`);
  told.add(value);
  return undefined;
}

/** An element that can be handed a data source directly. */
export type SourceHost = ReactiveElement & { source?: StatusDataSource | undefined };

/**
 * Resolves which data source an element reads from, in order: its own `source` property, the nearest
 * `<status-source>` ancestor (through context), the page-wide default (`setDefaultSource`). Re-renders the
 * host when the context or the default changes. Create it only when the element needs data: an element given
 * its status as attributes should not pay for a context request.
 */
export class SourceController implements ReactiveController {
  #fromContext: StatusDataSource | undefined;
  #fromDefault: StatusDataSource | undefined = getDefaultSource();
  #stopDefault: (() => void) | undefined;
  readonly #host: SourceHost;

  constructor(host: SourceHost) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: statusSourceContext,
      subscribe: true,
      callback: (source) => {
        this.#fromContext = source;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this.#fromDefault = getDefaultSource();
    this.#stopDefault = onDefaultSourceChange((source) => {
      this.#fromDefault = source;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    // Out of the tree, the element is out of its <status-source> too; the context consumer asks again on reconnect.
    this.#fromContext = undefined;
    this.#stopDefault?.();
    this.#stopDefault = undefined;
  }

  /**
   * The source in force, or undefined when none is configured anywhere; its answers checked (see checked-source.ts):
   * a host's source that answers a wrong shape fails the load with a `malformed` error rather than the element.
   */
  get source(): StatusDataSource | undefined {
    const source =
      sourceOrNone(this.#host.source, `<${this.#host.localName}>.source`) ??
      sourceOrNone(this.#fromContext, '<status-source>.source') ??
      sourceOrNone(this.#fromDefault, 'setDefaultSource()\'s source');
    return source && checkedSource(source);
  }
}
