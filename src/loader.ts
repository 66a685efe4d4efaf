/**
 * The optional CDN loader (`dist/cdn/estafette-loader.js`, under 1 KB): include it instead of `estafette.js` and
 * the kit is fetched only once one of its tags appears in the page, now or later.
 *
 * @example <script type="module" src="https://cdn.example/estafette@0.1.0/dist/cdn/estafette-loader.js"></script>
 */
const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];
const SELECTOR = TAGS.join(',');
// The full kit sits next to this file.
const KIT = new URL(/* @vite-ignore */ './estafette.js', import.meta.url).href;

let loading: Promise<unknown> | undefined;
let observer: MutationObserver | undefined;

function load(): void {
  observer?.disconnect();
  loading ??= import(/* @vite-ignore */ KIT);
}

const hasTag = (node: Node): boolean =>
  node instanceof Element && (TAGS.includes(node.localName) || node.querySelector(SELECTOR) !== null);

if (document.querySelector(SELECTOR)) load();
else {
  observer = new MutationObserver((records) => {
    if (records.some((record) => [...record.addedNodes].some(hasTag))) load();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
