/**
 * A corpus of hostile strings, as a provider, a recipient's mail server or a host's database could hand them to
 * Estafette: markup and script, URLs with dangerous schemes, CSS injection, strings that break layouts, Unicode
 * that reorders or hides text, and look-alikes of our own `{placeholder}`s.
 *
 * Every payload that could run script calls `window.__estafettePwned('<its name>')`, so a test page that defines
 * that function learns which payload got through. Every value is free of leading and trailing whitespace (the
 * badge trims its attributes), so "shown as literal text" can be checked with an exact substring.
 */

/** One entry of the corpus. */
export interface HostileString {
  /** Short kebab-case name; also the argument the payload passes to `__estafettePwned`. */
  readonly name: string;
  readonly value: string;
  /**
   * The value is an absolute http(s) or mailto URL: when it is a clicked URL, the timeline may show it as a link
   * (to the URL the browser parsed). Every other value must stay inert text.
   */
  readonly link?: true;
}

/** The call a payload makes if it is ever executed. */
const call = (name: string): string => `window.__estafettePwned('${name}')`;

const entry = (name: string, value: (name: string) => string, link?: true): HostileString =>
  link ? { name, value: value(name), link } : { name, value: value(name) };

// A thousand stacked marks over a few letters: each letter grows far above and below its line.
const ZALGO_MARKS = '\u0336\u0321\u031b\u0359\u0324\u0300\u0301\u0302\u0303\u0304';

/** The corpus, in a fixed order. */
export const HOSTILE_STRINGS: readonly HostileString[] = [
  // Markup that would run script if parsed as HTML.
  entry('script-tag', (n) => `<script>${call(n)}</script>`),
  entry('img-onerror', (n) => `<img src=x onerror="${call(n)}">`),
  entry('svg-onload', (n) => `<svg onload="${call(n)}"><circle r="5"></circle></svg>`),
  entry('iframe-srcdoc', (n) => `"><iframe srcdoc="<script>parent.${call(n)}</script>"></iframe>`),
  entry('attribute-breakout', (n) => `x' onfocus='${call(n)}' autofocus tabindex='0`),
  entry('object-embed', (n) => `<object data="javascript:${call(n)}"></object><embed src="javascript:${call(n)}">`),
  entry('meta-refresh', (n) => `<meta http-equiv="refresh" content="0;url=javascript:${call(n)}">`),
  entry('base-and-form', (n) => `<base href="javascript:/"><form action="javascript:${call(n)}"><button>go</button></form>`),
  entry('math-xlink', (n) => `<math><a xlink:href="javascript:${call(n)}">x</a></math>`),
  entry('lit-marker', (n) => `<!--?lit$1234$--><?lit$1234$>lit$1234$<img src=x onerror="${call(n)}">`),
  entry('comment-cdata', (n) => `--><![CDATA[<script>${call(n)}</script>]]><!--`),
  // Template syntaxes: JavaScript template literals, Mustache/Angular/Vue expressions.
  entry('template-literal', (n) => `\${${call(n)}}`),
  entry('mustache', (n) => `{{constructor.constructor("${call(n)}")()}}`),
  // URLs with schemes that must never become links.
  entry('javascript-url', (n) => `javascript:${call(n)}`),
  entry('javascript-mixed-case', (n) => `JaVaScRiPt:${call(n)}`),
  entry('javascript-tabs-newlines', (n) => `java\tscr\nipt\r:${call(n)}`),
  entry('javascript-control-prefix', (n) => `\u0001\u0010javascript:${call(n)}`),
  entry('javascript-entities', (n) => `&#106;ava&#x73;cript&colon;${call(n)}`),
  entry('data-html-url', (n) => `data:text/html,<script>${call(n)}</script>`),
  entry('data-base64-url', (n) => `data:text/html;base64,${btoa(`<script>${call(n)}</script>`)}`),
  entry('vbscript-url', () => 'vbscript:msgbox("pwned")'),
  entry('protocol-relative', () => '//evil.example/steal?c=1'),
  entry('markdown-link', (n) => `[invoice](javascript:${call(n)})`),
  // Absolute http(s)/mailto URLs carrying markup: links are fine, as long as the markup stays in the URL.
  entry('https-with-markup', (n) => `https://example.com/c?q="><img src=x onerror=${call(n)}>`, true),
  entry('mailto-with-markup', (n) => `mailto:a@example.com?subject=<script>${call(n)}</script>`, true),
  entry('https-long', () => `https://example.com/${'a'.repeat(10_000)}`, true),
  // CSS injection, in case a value ever reaches a style.
  entry('css-injection', (n) => `red;background:url(javascript:${call(n)});--estafette-danger-fg:transparent`),
  entry('style-breakout', (n) => `</style><script>${call(n)}</script><style>*{display:none!important}`),
  // Layout breakers.
  entry('long-no-spaces', () => 'W'.repeat(10_000)),
  entry('long-words', () => Array.from({ length: 100 }, () => 'M'.repeat(100)).join(' ')),
  entry('unicode-newlines', () => 'line1\u2028line2\u2029line3\r\nline4\nline5'),
  // Unicode that reorders, hides or piles up.
  entry('rtl-override', () => 'invoice\u202Efdp.exe\u202C done'),
  entry('bidi-isolates', () => '\u2067\u2066abc\u2069 \u200F\u061C mixed \u05E9\u05DC\u05D5\u05DD'),
  entry('zero-width', () => 'in\u200Bvis\u200Cible\u200D\uFEFFtext\u2060end'),
  entry('null-bytes', (n) => `nul\u0000byte\u0000<script>${call(n)}</script>`),
  entry('emoji-zwj', () => '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}\u{1F3F3}\uFE0F\u200D\u{1F308}\u{1F468}\u{1F3FD}\u200D\u{1F680}'),
  entry('combining-marks', () => ['Z', 'a', 'l', 'g', 'o'].map((letter) => letter + ZALGO_MARKS.repeat(20)).join('')),
  entry('lone-surrogates', () => 'lone\uD800high\uDC00low\uDBFF'),
  // Look-alikes of the catalogues' placeholders and of object keys.
  entry('placeholder-lookalike', () => '{raw} {provider} {count} {url} {text} {code} {status} {reason} {time} {label}'),
  entry('proto-key', () => '__proto__'),
  entry('constructor-key', () => 'constructor'),
];

/** Lone surrogates as the UTF-8 encoders (forms, `URLSearchParams`) leave them: replaced by U+FFFD. */
export const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
