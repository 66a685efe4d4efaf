import { render, type ReactiveController, type ReactiveElement } from 'lit';
import { directionOf } from '../../i18n/locales.js';
import { placed, positionTooltip, type TooltipPlacementStrategy } from './tooltip-position.js';

/**
 * Explanatory tooltips, following the WAI-ARIA tooltip pattern and WCAG 1.4.13:
 * - opens on hover after a short delay and at once on keyboard focus (`:focus-visible`, so a mouse click or a tap
 *   does not open it a second time); a tap on its trigger toggles it on touch screens, a tap elsewhere closes it,
 *   and a tap inside it changes nothing (its text is being selected or scrolled);
 * - stays open while the pointer travels onto it (a short grace delay) so it can be read and selected;
 * - Escape closes it, and only it: the key is swallowed only while a tooltip is open, so an enclosing `<dialog>`
 *   closes on the next Escape, not this one;
 * - when it is longer than the room it has (a phone, 400% zoom) it scrolls inside, and while its trigger has
 *   keyboard focus the arrow keys, Page Up, Page Down, Home and End scroll it (WCAG 2.1.1): the keys go to the
 *   page again once it cannot scroll further that way, and a key the page handles itself (`preventDefault()`, a
 *   grid's arrow-key navigation) stays the page's;
 * - lives in the top layer (`popover="manual"`), so `overflow: hidden`, scroll containers, transforms and
 *   `contain: paint` never clip it; `tooltip-position.ts` keeps it beside its trigger and inside the viewport;
 * - is the trigger's accessible description (`aria-describedby`) from the moment it exists (or the part of it that
 *   its host names, see `describedBy`).
 *
 * Nothing exists before it is needed. Elements do not listen to anything themselves: one set of listeners per
 * document (installed by the first host that connects) finds the element under the event through
 * `composedPath()` and asks it for its controller, which the element creates on that first request. The tooltip
 * element itself is created on first hover, focus or tap. A page of 10,000 badges holds no tooltip, no controller
 * and no listener per badge until someone points at one.
 */

/** What a host gives its tooltip. */
export interface TooltipOptions {
  /** The element the tooltip describes, in the host's render root. It should be focusable. */
  readonly trigger: () => HTMLElement | null | undefined;
  /**
   * The tooltip's content as a Lit template. Called when the tooltip is created, when it opens, and on every host
   * update while it exists, so the description stays current. Render untrusted text with text bindings only.
   */
  readonly content: () => unknown;
  /**
   * The language of the content, when the host resolved one that its ancestors' `lang` does not say (a page in
   * German gets English texts): set on the tooltip so that screen readers pronounce it right.
   */
  readonly lang?: () => string | undefined;
  /**
   * Whether the content can be shown yet: undefined when it can, else a promise for when it can (texts that load on
   * demand). The tooltip opens once it settles, and a tooltip created before then is rendered again.
   */
  readonly ready?: () => Promise<unknown> | undefined;
  /**
   * The id of the part of the content that describes the trigger, '' for none, when not all of it does: a trigger
   * whose name already says the rest (an unavailable badge is named by its reason) would have it said twice. By
   * default the whole tooltip is the trigger's description.
   */
  readonly describedBy?: () => string | undefined;
  /** Delay before a hover opens it (ms). Default 300. */
  readonly showDelay?: number;
  /** Grace delay before leaving closes it, so the pointer can move onto it (ms). Default 100. */
  readonly hideDelay?: number;
  /**
   * Placement strategy; by default CSS anchor positioning where it places the tooltip right, else Floating UI (see
   * `positionTooltip`).
   */
  readonly strategy?: TooltipPlacementStrategy;
}

/** Why a tooltip is open. It closes when no reason is left. */
type OpenReason = 'hover' | 'focus' | 'tap';

/**
 * The hook through which the shared listeners find an element's tooltip. Each copy of the library has its own
 * symbol, so when the CDN file and an npm copy share a page, each handles only its own elements.
 */
export const TOOLTIP_HOST = Symbol('estafette.tooltip-host');

/** An element that owns tooltips: returns the controller for an event with this composed path, creating it if needed. */
export interface TooltipHost {
  [TOOLTIP_HOST](path: readonly EventTarget[]): TooltipController | undefined;
}

const SHOW_DELAY = 300;
const HIDE_DELAY = 100;
// Moving from one trigger to the next right after its tooltip closed shows the next one without the delay.
const WARM_WINDOW = 300;

let tooltipIds = 0;

/** One tooltip of one element. Create it lazily, from the host's `[TOOLTIP_HOST]` method. */
export class TooltipController implements ReactiveController {
  #tip: HTMLElement | undefined;
  readonly #reasons = new Set<OpenReason>();
  #dismissed = false;
  #shown = false;
  #showTimer: ReturnType<typeof setTimeout> | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #stopPositioning: (() => void) | undefined;
  readonly #host: ReactiveElement;
  readonly #options: TooltipOptions;

  constructor(host: ReactiveElement, options: TooltipOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the tooltip is showing. */
  get open(): boolean {
    return this.#shown;
  }

  hostUpdated(): void {
    if (!this.#tip) return;
    this.#renderContent();
    // Its content may now wait for something (the explanations of a language just switched to): again once there.
    this.#options.ready?.()?.then(() => this.#renderContent());
  }

  hostDisconnected(): void {
    this.#clearTimers();
    this.#reasons.clear();
    this.#dismissed = false;
    this.#sync();
    // Removed under a resting pointer: WebKit sends no pointer event until it moves, and the page-wide `hovered` kept
    // this host, and the whole tree removed with it (a table of badges), alive until then.
    if (hovered === this) hovered = undefined;
  }

  /** Creates the tooltip (closed) and makes it the trigger's description. Returns it, or undefined before first render. */
  ensure(): HTMLElement | undefined {
    if (this.#tip) return this.#tip;
    const trigger = this.#options.trigger();
    const root = this.#host.renderRoot;
    if (!trigger || !root) return undefined;
    const tip = document.createElement('div');
    tip.id = `estafette-tooltip-${++tooltipIds}`;
    tip.className = 'tooltip';
    tip.setAttribute('part', 'tooltip');
    tip.setAttribute('role', 'tooltip');
    tip.setAttribute('popover', 'manual');
    // Out of the Tab order even when it scrolls (browsers make scrolling boxes focusable): Shift+Tab from its trigger
    // would land in it and close it; the trigger's keys scroll it instead.
    tip.tabIndex = -1;
    tip.addEventListener('toggle', (event) => {
      // Closed by something else (removed from the page, another script): follow.
      if ((event as ToggleEvent).newState === 'closed' && this.#shown) this.#afterHide();
    });
    // Before Lit's own content: the host's template never owns (or clears) this node.
    root.insertBefore(tip, root.firstChild);
    this.#tip = tip;
    this.hostUpdated(); // its content, as after each update of the host
    return tip;
  }

  /**
   * Opens it now, as if focused; resolves once it shows (after its content is ready, see `ready`), placed (Floating UI
   * places it a few frames after it opens) and its fade-in, if any, has ended: what a page measures, screenshots or
   * checks then is what stays on screen.
   */
  show(): Promise<void> {
    this.#clearTimers();
    this.#dismissed = false;
    this.#reasons.add('focus');
    this.#sync();
    return Promise.resolve(this.#options.ready?.())
      .then(() => this.#tip && placed(this.#tip))
      .then(() => Promise.allSettled(this.#tip?.getAnimations().map((animation) => animation.finished) ?? []))
      .then(() => undefined);
  }

  /** Closes it now. */
  hide(): void {
    this.#clearTimers();
    this.#reasons.clear();
    this.#sync();
  }

  // --- Called by the shared listeners -------------------------------------------------------------------------

  /** @internal The pointer entered the trigger or the tooltip. */
  pointerEnter(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
    if (this.#dismissed) return;
    if (this.#shown) {
      this.#reasons.add('hover');
      return;
    }
    if (this.#showTimer !== undefined) return;
    const open = () => {
      this.#showTimer = undefined;
      this.#reasons.add('hover');
      this.#sync();
    };
    if (performance.now() - lastHoverCloseAt < WARM_WINDOW) open();
    else this.#showTimer = setTimeout(open, this.#options.showDelay ?? SHOW_DELAY);
  }

  /** @internal The pointer left both the trigger and the tooltip. */
  pointerLeave(): void {
    clearTimeout(this.#showTimer);
    this.#showTimer = undefined;
    this.#dismissed = false;
    if (!this.#reasons.has('hover')) return;
    this.#hideTimer = setTimeout(() => {
      this.#hideTimer = undefined;
      this.#reasons.delete('hover');
      this.#sync();
      if (!this.#shown) lastHoverCloseAt = performance.now();
    }, this.#options.hideDelay ?? HIDE_DELAY);
  }

  /** @internal Focus moved onto the trigger. */
  focusIn(visible: boolean): void {
    this.#dismissed = false;
    // Created on any focus, so that a screen reader focusing it gets the description right away.
    this.ensure();
    if (visible) {
      this.#reasons.add('focus');
      this.#sync();
    }
  }

  /** @internal Focus left the trigger. */
  focusOut(): void {
    this.#reasons.delete('focus');
    this.#reasons.delete('tap');
    this.#dismissed = false;
    this.#sync();
  }

  /**
   * @internal A tap on the host (`path`: the click's composed path). One inside the tooltip changes nothing: its
   * reader is selecting or scrolling its text.
   */
  tap(path: readonly EventTarget[]): void {
    if (this.#tip && path.includes(this.#tip)) return;
    this.#clearTimers();
    if (this.#shown) this.#reasons.clear();
    else {
      this.#dismissed = false;
      this.#reasons.add('tap');
    }
    this.#sync();
  }

  /** @internal A tap somewhere else. */
  tapOutside(): void {
    if (!this.#reasons.has('tap')) return;
    this.#reasons.delete('tap');
    this.#sync();
  }

  /**
   * @internal A scrolling key pressed on `target` (the focused element): scrolls the open tooltip when `target` is
   * its trigger and it can scroll that way. Returns whether it did, so that the key then does nothing else.
   */
  scrollByKey(key: string, target: EventTarget | undefined): boolean {
    const tip = this.#tip;
    if (!this.#shown || !tip || target !== this.#options.trigger()) return false;
    const from = tip.scrollTop;
    // By 40 px a line, as browsers scroll a page; by what shows less a line, a page. The browser clamps.
    if (key === 'Home') tip.scrollTop = 0;
    else if (key === 'End') tip.scrollTop = tip.scrollHeight;
    else tip.scrollTop += (key.endsWith('Down') ? 1 : -1) * (key[0] === 'P' ? Math.max(40, tip.clientHeight - 40) : 40);
    return tip.scrollTop !== from;
  }

  /** @internal Escape, or another tooltip opening: close, and stay closed until the pointer or focus comes back. */
  dismiss(): void {
    this.#clearTimers();
    this.#reasons.clear();
    this.#dismissed = true;
    this.#sync();
  }

  // --- Internals ----------------------------------------------------------------------------------------------

  #sync(): void {
    const wanted = this.#reasons.size > 0 && !this.#dismissed && this.#host.isConnected;
    if (wanted && !this.#shown) {
      const waiting = this.#options.ready?.();
      if (waiting) void waiting.then(() => this.#sync());
      else this.#open_();
    }
    else if (!wanted && this.#shown) this.#close_();
  }

  #open_(): void {
    const tip = this.ensure();
    const trigger = this.#options.trigger();
    if (!tip || !trigger || !tip.isConnected) return;
    // One tooltip at a time: a hovered one replaces a focused one and vice versa.
    for (const other of openTooltips) if (other !== this) other.dismiss();
    this.#renderContent();
    try {
      tip.showPopover();
    } catch {
      return; // not in a document (yet): nothing to show
    }
    this.#shown = true;
    openTooltips.add(this);
    this.#stopPositioning = positionTooltip(trigger, tip, this.#options.strategy);
  }

  #close_(): void {
    if (this.#tip?.matches(':popover-open')) this.#tip.hidePopover();
    this.#afterHide();
  }

  #afterHide(): void {
    this.#shown = false;
    openTooltips.delete(this);
    this.#stopPositioning?.();
    this.#stopPositioning = undefined;
  }

  #renderContent(): void {
    const tip = this.#tip;
    if (!tip) return;
    render(this.#options.content(), tip, { host: this.#host });
    const trigger = this.#options.trigger();
    const described = this.#options.describedBy?.() ?? tip.id;
    if (described) trigger?.setAttribute('aria-describedby', described);
    else trigger?.removeAttribute('aria-describedby');
    const lang = this.#options.lang?.();
    // Its text's language and direction: an English explanation inside an Arabic page still reads left to right.
    if (lang && tip.lang !== lang) {
      tip.lang = lang;
      tip.dir = directionOf(lang);
    }
  }

  #clearTimers(): void {
    clearTimeout(this.#showTimer);
    clearTimeout(this.#hideTimer);
    this.#showTimer = undefined;
    this.#hideTimer = undefined;
  }
}

// --- The shared listeners -------------------------------------------------------------------------------------

const openTooltips = new Set<TooltipController>();
/** The keys that scroll an open tooltip longer than its room, while its trigger has focus. */
const SCROLL_KEY = /^(Arrow(Up|Down)|Page(Up|Down)|Home|End)$/;
// When the pointer last left a tooltip that then closed: the next one hovered soon after opens at once.
let lastHoverCloseAt = Number.NEGATIVE_INFINITY;
let hovered: TooltipController | undefined;
let lastPointerType = '';
const installed = new WeakSet<Document | ShadowRoot>();

/** The innermost tooltip host on the event's path, if any, with its controller. */
function hostFor(event: Event): { host: Node; controller: TooltipController } | undefined {
  const path = event.composedPath();
  for (const node of path) {
    const hook = (node as Partial<TooltipHost>)[TOOLTIP_HOST];
    if (typeof hook !== 'function') continue;
    const controller = hook.call(node, path);
    return controller ? { host: node as Node, controller } : undefined;
  }
  return undefined;
}

/** The controller of the innermost tooltip host on the event's path, if any. */
const controllerFor = (event: Event): TooltipController | undefined => hostFor(event)?.controller;

/**
 * Installs the shared listeners (once per document, and once per shadow root holding tooltip hosts). Hosts call it
 * with their root node when they connect; it costs one `WeakSet` lookup after the first time.
 *
 * Why per shadow root: `pointerover`, `focusin` and `focusout` carry a related target, and an event whose target
 * and related target are the same node once retargeted is not delivered there. Moving from a table cell to a badge
 * inside a page's own shadow root (an app built of custom elements) looks, from the document, like moving from
 * that app to itself: the document never hears it. The badge's own root does. Each such event is handled at the
 * root of the host it concerns, once; events that concern no host (leaving a badge for a cell) at every root.
 */
export function installTooltipListeners(root: Document | ShadowRoot = document): void {
  if (installed.has(root)) return;
  installed.add(root);
  // Capture phase: the page's own handlers cannot hide these events from us, and Escape is seen first.
  const capture = { capture: true, passive: true } as const;
  /** The host an event concerns, unless another root's listener is the one to handle it. */
  const mine = (event: Event): { host: Node; controller: TooltipController } | null | undefined => {
    const found = hostFor(event);
    return found && found.host.getRootNode() !== root ? null : found;
  };

  root.addEventListener(
    'pointerover',
    (event) => {
      if ((event as PointerEvent).pointerType === 'touch') return;
      const found = mine(event);
      if (found === null) return;
      const controller = found?.controller;
      if (controller === hovered) return;
      hovered?.pointerLeave();
      hovered = controller;
      controller?.pointerEnter();
    },
    capture,
  );
  root.addEventListener(
    'focusin',
    (event) => {
      const controller = mine(event)?.controller;
      if (!controller) return;
      const focused = event.composedPath()[0];
      controller.focusIn(focused instanceof Element && focused.matches(':focus-visible'));
    },
    capture,
  );
  root.addEventListener('focusout', (event) => mine(event)?.controller.focusOut(), capture);

  // Events without a related target reach the document whatever the shadow roots in between.
  // Not instanceof Document: a badge moved into an iframe's document has that window's Document. A document has no
  // owner document.
  const doc = root.ownerDocument ?? (root as Document);
  if (root !== doc) return installTooltipListeners(doc);
  const win = doc.defaultView;
  doc.addEventListener(
    'pointerout',
    (event) => {
      // Leaving the window: no pointerover will follow.
      if (event.relatedTarget === null && event.pointerType !== 'touch') {
        hovered?.pointerLeave();
        hovered = undefined;
      }
    },
    capture,
  );
  doc.addEventListener(
    'pointerdown',
    (event) => {
      lastPointerType = event.pointerType;
      if (openTooltips.size === 0) return;
      const controller = controllerFor(event);
      for (const other of [...openTooltips]) if (other !== controller) other.tapOutside();
    },
    capture,
  );
  doc.addEventListener(
    'click',
    (event) => {
      const pointerType = (event as PointerEvent).pointerType || lastPointerType;
      if (pointerType !== 'touch') return;
      controllerFor(event)?.tap(event.composedPath());
    },
    capture,
  );
  (win ?? doc).addEventListener(
    'keydown',
    (event) => {
      const key = event as KeyboardEvent;
      if (key.key !== 'Escape' || key.isComposing || openTooltips.size === 0) return;
      for (const controller of [...openTooltips]) controller.dismiss();
      // Only it: an enclosing dialog, menu or page shortcut must not also act on this Escape.
      key.preventDefault();
      key.stopPropagation();
    },
    { capture: true },
  );
  // The scroll keys, unlike Escape, once the page has had them: a grid or a listbox that moves its focus with the
  // arrow keys (and says so with preventDefault) keeps them; the tooltip takes only a key nothing else used.
  (win ?? doc).addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    if (key.defaultPrevented || key.isComposing || openTooltips.size === 0 || !SCROLL_KEY.test(key.key)) return;
    if (key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return;
    const focused = key.composedPath()[0];
    for (const controller of openTooltips) if (controller.scrollByKey(key.key, focused)) key.preventDefault();
  });
}
