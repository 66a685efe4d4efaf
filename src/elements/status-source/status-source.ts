import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { statusSourceContext } from '../../data/context.js';
import { MIN_POLL_INTERVAL } from '../../data/number-option.js';
import { RestDataSource } from '../../data/rest-data-source.js';
import type { LiveMode } from '../../data/rest-live.js';
import type { StatusDataSource } from '../../data/source.js';
import { warnOnce } from '../../data/warn-once.js';
import { reflectedText, text } from '../shared/text.js';
import { oneOf } from '../shared/one-of.js';

const LIVE_MODES: readonly LiveMode[] = ['sse', 'poll', 'off'];

/**
 * Hands a data source to every Estafette element inside it, through `@lit/context`. An element uses, in order:
 * its own `source` property, the nearest `<status-source>` around it, the page-wide default (`setDefaultSource`).
 *
 * Give it an `endpoint` to have it create a `RestDataSource` for that API, or set its `source` property to any
 * `StatusDataSource` (a `StaticDataSource`, your own implementation). It renders nothing of its own and takes no
 * room in the layout (`display: contents`).
 *
 * @example
 * ```html
 * <status-source endpoint="/api/estafette" live="sse">
 *   <email-status-badge message-id="nl-00042"></email-status-badge>
 * </status-source>
 * ```
 *
 * @tagname status-source
 * @summary Provides a data source to the Estafette elements inside it.
 *
 * @attr endpoint - Base URL of an API following the REST contract (`openapi.yaml`); a `RestDataSource` is created for it.
 * @attr live - `sse` (default), `poll` or `off`: how the created source follows changes.
 * @attr poll-interval - Milliseconds between two polls (default 15,000; at least 1,000, else the default with a warning).
 * @attr {boolean} with-credentials - Send cookies with every request and the stream when `endpoint` is on another origin; the API must allow credentials with CORS (see SECURITY.md).
 * @prop {StatusDataSource | undefined} source - Any data source, provided as it is; wins over `endpoint`.
 * @slot - The elements that read from this source.
 */
export class StatusSourceElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of an API following Estafette's REST contract; a `RestDataSource` is created for it. Ignored when `source` is set. */
  @property({ reflect: true, converter: reflectedText }) endpoint: string | undefined;

  /** How the created REST source follows changes: `sse` (Server-Sent Events, polling as a fallback), `poll`, or `off`. */
  @property({ reflect: true, converter: reflectedText }) live: LiveMode = 'sse';

  /** Time between two polls in ms, when polling. Default 15,000. */
  @property({ attribute: 'poll-interval', type: Number, reflect: true, converter: reflectedText }) pollInterval: number | undefined;

  /**
   * Whether the created REST source sends cookies with every request and the stream, to another origin too
   * (`RestDataSource`'s `withCredentials`). The API must answer `Access-Control-Allow-Credentials: true` and name
   * the page's origin in `Access-Control-Allow-Origin`.
   */
  @property({ attribute: 'with-credentials', type: Boolean, reflect: true }) withCredentials = false;

  /** A data source to provide as it is (any `StatusDataSource`). Wins over `endpoint`. */
  @property({ attribute: false }) source: StatusDataSource | undefined;

  readonly #provider = new ContextProvider(this, { context: statusSourceContext, initialValue: undefined });
  // Not closed on disconnect: its stream closes by itself when the last subscriber leaves, and a <status-source>
  // moved in the page must keep its cache.
  #created: RestDataSource | undefined;
  #createdFor = '';

  /** The source the elements inside receive: `source`, else the one created for `endpoint`, else none. */
  get providedSource(): StatusDataSource | undefined {
    return this.#provider.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Set up before the children's first update asks for it, not after this element's first render.
    this.#resolve();
  }

  protected override willUpdate(): void {
    // Every property of the element is one #resolve reads; it does nothing when they give what it provides already.
    this.#resolve();
  }

  #resolve(): void {
    let next: StatusDataSource | undefined = this.source;
    // Read as text (and a number from its text): a property handed an object by mistake must not break the update.
    const endpoint = text(this.endpoint);
    if (!next && endpoint) {
      const live = oneOf('status-source', 'live', this.live, LIVE_MODES, 'sse');
      const given = this.pollInterval;
      const asked = Number(text(given));
      const interval = asked >= MIN_POLL_INTERVAL ? asked : undefined;
      const credentials = !!this.withCredentials;
      const key = `${endpoint}\u0000${live}\u0000${interval ?? ''}\u0000${credentials}`;
      if (!this.#created || this.#createdFor !== key) {
        if (given != null && interval === undefined) warnOnce(`<status-source> poll-interval="${text(given) ?? typeof given}" is not a number of milliseconds of at least ${MIN_POLL_INTERVAL}: polling every 15,000 ms.`);
        this.#created?.close();
        this.#created = new RestDataSource({
          baseUrl: endpoint,
          live,
          withCredentials: credentials,
          ...(interval !== undefined && { pollInterval: interval }),
        });
        this.#createdFor = key;
      }
      next = this.#created;
    } else if (this.#created) {
      this.#created.close();
      this.#created = undefined;
    }
    if (this.#provider.value !== next) this.#provider.setValue(next);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
