/**
 * The demo page's language and theme, kept in its address (`?lang=en&theme=dark`, beside `?endpoint=` and the
 * others) so that a reload, or a link, keeps what the switches chose.
 */
import { DEMO_MESSAGES, type DemoLocale } from './demo-messages.js';

/** The page's two themes (the system's is the default, see demo.css). */
export type DemoTheme = 'light' | 'dark';

const asked = (name: string): string | null => new URLSearchParams(location.search).get(name);

/** The language the address asks for; undefined when it names none, or one the demo does not speak. */
export function chosenLocale(): DemoLocale | undefined {
  const lang = asked('lang');
  return lang !== null && Object.hasOwn(DEMO_MESSAGES, lang) ? (lang as DemoLocale) : undefined;
}

/** The theme the address asks for; undefined when it names none, or another word than `light` or `dark`. */
export function chosenTheme(): DemoTheme | undefined {
  const theme = asked('theme');
  return theme === 'light' || theme === 'dark' ? theme : undefined;
}

/** Writes a switch's choice into the address, in place (no new history entry), its other parameters kept. */
export function keepChoice(name: 'lang' | 'theme', value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}
