/**
 * The optional CDN loader (`dist/cdn/estafette-loader.js`, about 1 KB): include it instead of `estafette.js` and
 * the kit is fetched only once one of its tags appears in the page, now or later, in the document or inside the
 * open shadow roots of the page's own components (also those defined after the loader ran).
 *
 * A component with a closed shadow root (which no script outside can look into) hands it over with
 * `discover(root)`; `load()` fetches the kit at once, for a page that knows it is about to need it.
 *
 * Without a DOM (imported in Node by a server-side render: Next.js, Nuxt, Angular SSR), importing it does nothing,
 * `load()` resolves at once and `discover()` does nothing: the page's copy, in the browser, does the work.
 *
 * @example <script type="module" src="https://cdn.example/estafette@0.1.0/dist/cdn/estafette-loader.js"></script>
 * @example
 * import { discover } from 'https://cdn.example/estafette@0.1.0/dist/cdn/estafette-loader.js';
 * const root = this.attachShadow({ mode: 'closed' }); // in a component's constructor: keep the root
 * discover(root);
 */
/** Whether there is a page to watch: not in Node, where an app's server-side render imports this module too. */
const IN_BROWSER = typeof document !== 'undefined';

const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];
const SELECTOR = TAGS.join(',');

let loading: Promise<unknown> | undefined;
// Each root is watched once, however often its host is moved around the page.
const watched = new WeakSet<Node>();

/**
 * Fetches and runs the kit, once: every element is registered when the promise resolves (it rejects if the file
 * could not be fetched). The loader's watchers stop at their next call. Without a DOM (Node), resolves at once and
 * loads nothing: the elements cannot run there.
 */
export function load(): Promise<unknown> {
  if (!IN_BROWSER) return Promise.resolve();
  if (!loading) {
    // Nothing left to look for: let go of the roots kept for tags still undefined.
    for (const roots of undefinedIn.values()) roots.clear();
    undefinedIn.clear();
  }
  // The full kit sits next to this file. A plain import of a relative path (kept as it is by the build): the browser
  // resolves it against this file, and an app's bundler that meets the npm entry `estafette/loader` follows it and
  // bundles the kit with the chunks it fetches (a `new URL(…, import.meta.url)` made bundlers copy the file alone).
  // @ts-expect-error: the CDN file, built apart (its types are those of src/cdn.ts).
  return (loading ??= import('./estafette.js'));
}

// The roots holding elements of a custom tag not defined yet, by tag: once it is, those elements have their shadow
// roots (the usual order puts the loader's script before the app's, which defines the page's components).
const undefinedIn = new Map<string, Set<Document | ShadowRoot>>();

/** Looks again, once `host`'s tag is defined, at the shadow roots of its elements in the same root. */
function awaitDefinition(host: Element): void {
  const tag = host.localName;
  let roots = undefinedIn.get(tag);
  if (!roots) {
    undefinedIn.set(tag, (roots = new Set()));
    const seen = roots;
    void customElements.whenDefined(tag).then(() => {
      undefinedIn.delete(tag);
      for (const root of seen) {
        for (const element of root.querySelectorAll(tag)) if (element.shadowRoot && watch(element.shadowRoot)) return;
      }
    });
  }
  const root = host.getRootNode();
  if (root instanceof Document || root instanceof ShadowRoot) roots.add(root);
}

/**
 * Whether `root` holds one of the tags, itself, below it, or in an open shadow root below it; shadow roots without
 * one are watched, since their components may render the tags later, and so are those of elements whose custom
 * tag is defined later.
 */
function holdsTag(root: Document | DocumentFragment | Element): boolean {
  if ((root instanceof Element && TAGS.includes(root.localName)) || root.querySelector(SELECTOR)) return true;
  const hosts = root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*');
  for (const host of hosts) {
    if (host.shadowRoot) {
      if (watch(host.shadowRoot)) return true;
    } else if (host.localName.includes('-') && !customElements.get(host.localName)) awaitDefinition(host);
  }
  return false;
}

/** Watches `root` until the kit loads; true when it already holds a tag (the kit is then loading). */
function watch(root: Document | DocumentFragment): boolean {
  if (loading) return true;
  if (watched.has(root)) return false;
  watched.add(root);
  if (holdsTag(root)) {
    void load();
    return true;
  }
  // Not kept anywhere: an observer lives as long as the root it watches, and stops at its first call after loading.
  const observer = new MutationObserver((records) => {
    if (loading) observer.disconnect();
    else if (records.some((record) => [...record.addedNodes].some((node) => node instanceof Element && holdsTag(node)))) {
      observer.disconnect();
      void load();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return false;
}

/**
 * Watches `root` too: a closed shadow root, which the loader cannot see into by itself (open ones are found on
 * their own). Loads the kit at once if a tag is already there, or as soon as one is added. Does nothing without a
 * DOM (Node).
 */
export function discover(root: Document | DocumentFragment): void {
  if (IN_BROWSER) watch(root);
}

if (IN_BROWSER) watch(document);
