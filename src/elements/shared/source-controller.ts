import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { statusSourceContext } from '../../data/context.js';
import { getDefaultSource, onDefaultSourceChange } from '../../data/default-source.js';
import { checkedSource } from '../../data/checked-source.js';
import type { StatusDataSource } from '../../data/source.js';

/** An element that can be handed a data source directly. */
export type SourceHost = ReactiveElement & { source?: StatusDataSource | undefined };

/**
 * Resolves which data source an element reads from, in order: its own `source` property, the nearest
 * `<status-source>` ancestor (through context), the page-wide default (`setDefaultSource`). Re-renders the
 * host when the context or the default changes. Create it only when the element needs data: an element given
 * its status as attributes should not pay for a context request.
 */
export class SourceController implements ReactiveController {
  private fromContext: StatusDataSource | undefined;
  private fromDefault: StatusDataSource | undefined = getDefaultSource();
  private stopDefault: (() => void) | undefined;

  constructor(private readonly host: SourceHost) {
    host.addController(this);
    new ContextConsumer(host, {
      context: statusSourceContext,
      subscribe: true,
      callback: (source) => {
        this.fromContext = source;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this.fromDefault = getDefaultSource();
    this.stopDefault = onDefaultSourceChange((source) => {
      this.fromDefault = source;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    // Out of the tree, the element is out of its <status-source> too; the context consumer asks again on reconnect.
    this.fromContext = undefined;
    this.stopDefault?.();
    this.stopDefault = undefined;
  }

  /**
   * The source in force, or undefined when none is configured anywhere; its answers checked (see checked-source.ts):
   * a host's source that answers a wrong shape fails the load with a `malformed` error rather than the element.
   */
  get source(): StatusDataSource | undefined {
    const source = this.host.source ?? this.fromContext ?? this.fromDefault;
    return source && checkedSource(source);
  }
}
