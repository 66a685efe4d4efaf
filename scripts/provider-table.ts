// Writes the README section "Connect your provider" (between <!-- providers:start --> and <!-- providers:end -->)
// from the adapters' own mapping tables, so that the docs cannot say something the code does not do.
//
//   npx tsx scripts/provider-table.ts           print the section
//   npx tsx scripts/provider-table.ts --write   rewrite it in README.md
//   npx tsx scripts/provider-table.ts --check   exit 1 when README.md is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LABELS,
  PROVIDER_MAPPINGS,
  PROVIDERS,
  type EventRule,
  type EventSource,
  type ProviderMapping,
} from '../src/providers/index.js';
import { refinableKinds } from '../src/providers/emit.js';

const START = '<!-- providers:start -->';
const END = '<!-- providers:end -->';
const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

/** A table cell: pipes escaped, on one line. */
const cell = (text: string | undefined): string => (text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;
/** A provider word, with the numeric code that stands for it where the provider gives one. */
const word = (rule: { readonly raw: string; readonly code?: string | undefined }): string =>
  rule.code === undefined ? code(rule.raw) : `${code(rule.raw)} (code ${code(rule.code)})`;
const row = (cells: readonly (string | undefined)[]): string => `| ${cells.map(cell).join(' | ')} |`;

const FAILURES = new Set(['held', 'deferred', 'soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'dropped', 'failed', 'expired']);

function canonical(rule: EventRule): string {
  let text = rule.implies ? `${rule.implies} + ${rule.type}` : rule.type;
  if (rule.automated) text += ' (automated)';
  if (rule.async) text += ', async';
  return `**${text}**`;
}

function reason(rule: EventRule, mapping: ProviderMapping): string {
  if (!FAILURES.has(rule.type)) return '';
  const fallback = rule.reason ?? 'undetermined';
  const sources = [
    ...(rule.codes ? mapping.reasons.map((table) => `${table.field} table`) : []),
    ...(rule.smtp ? ['SMTP code and text'] : []),
  ];
  const said = sources.length === 0 ? fallback : `from ${sources.join(', then ')}; else ${fallback}`;
  const kinds = refinableKinds(rule).filter((kind) => mapping.reasons.some((table) => table.rules.some((code) => code.permanence === kind)));
  if (kinds.length === 0) return said;
  return kinds.length === 2
    ? `${said} (a code that says hard or soft makes it **hard-bounced** or **soft-bounced**)`
    : `${said} (a code that says ${kinds[0]} makes it **${kinds[0]}-bounced**)`;
}

function sourceTable(source: EventSource, mapping: ProviderMapping): string[] {
  return [
    `**${source.name}** (${source.channel})`,
    '',
    row(['Raw', 'When', 'Canonical event', 'Reason', 'Why / note']),
    '|---|---|---|---|---|',
    ...source.rules.map((rule) => row([word(rule), rule.when ? code(rule.when) : '', canonical(rule), reason(rule, mapping), rule.note])),
    '',
  ];
}

function providerSection(mapping: ProviderMapping): string[] {
  const lines = [`<details><summary><b>${mapping.name}</b> (<code>${mapping.id}</code>)</summary>`, '', `Accepts ${mapping.accepts}`, ''];
  for (const source of mapping.sources) lines.push(...sourceTable(source, mapping));
  if (mapping.statuses.length > 0) {
    lines.push('**Other stored words** (`mapStatus`; every raw word above works too)', '', row(['Word', 'Display status', 'Note']), '|---|---|---|');
    for (const status of mapping.statuses) lines.push(row([code(status.raw), `**${status.status}**${status.channel ? ` (${status.channel})` : ''}`, status.note]));
    lines.push('');
  }
  for (const table of mapping.reasons) {
    lines.push(`**Reasons by ${table.field}**`, '', row(['Value', 'Reason', 'Note']), '|---|---|---|');
    for (const rule of table.rules) lines.push(row([word(rule), rule.permanence ? `${rule.reason}; a ${rule.permanence} bounce` : rule.reason, rule.note]));
    lines.push('');
  }
  if (mapping.notes.length > 0) lines.push(...mapping.notes.map((note) => `- ${note}`), '');
  lines.push('</details>', '');
  return lines;
}

const NODE_EXAMPLE = `\`\`\`js
import { createServer } from 'node:http';
import { normalize, isProviderId, ProviderPayloadError } from 'estafette/providers';

const MAX_BYTES = 1_000_000; // webhook bodies are small: refuse anything bigger

// Your storage: e.g. insert each event, ignoring duplicates by (provider, eventId).
const store = async (events) => console.log(events);

createServer(async (req, res) => {
  // POST /webhooks/<provider>, e.g. /webhooks/sendgrid, /webhooks/twilio
  const provider = new URL(req.url ?? '/', 'http://localhost').pathname.split('/')[2];
  if (req.method !== 'POST' || !isProviderId(provider)) return void res.writeHead(404).end();

  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    if ((size += chunk.length) > MAX_BYTES) return void res.writeHead(413).end();
    chunks.push(chunk);
  }
  // Check the provider's signature on these raw bytes here, before trusting anything in them.

  try {
    // The raw bytes, not JSON.parse: 64-bit ids keep their digits, and form bodies (Twilio, Vonage) work too.
    const events = normalize(provider, Buffer.concat(chunks), {
      receivedAt: new Date(),
      // One unreadable event in a batch: keep the others and log it (else the provider posts the whole batch again).
      onInvalidItem: (error) => console.warn(\`\${provider}: event left out at \${error.path}: \${error.message}\`),
    });
    await store(events);
    res.writeHead(204).end();
  } catch (error) {
    const bad = error instanceof ProviderPayloadError; // not this provider's shape: 400, so it is not retried forever
    if (!bad) console.error(error);
    res.writeHead(bad ? 400 : 500, { 'content-type': 'text/plain; charset=utf-8' }).end(bad ? error.message : 'error');
  }
}).listen(8080);
\`\`\``;

/** The whole section between the markers. */
export function renderProviderSection(): string {
  const lines = [
    '<!-- Generated by `npx tsx scripts/provider-table.ts --write` from the adapters\' own tables in src/providers: edit those, not this. -->',
    '',
    '`estafette/providers` turns what each provider sends into the canonical model. It runs in Node and in browsers.',
    '',
    '- `normalize(provider, body, options?)`: webhook body → canonical events (`type`, `at` in UTC, `messageId`, `recipient`, `eventId`, `reason`, `detail`, `automated`, `async`, `raw`). `body` may be the raw text or bytes (best: 64-bit ids survive), the parsed JSON, or a form (`URLSearchParams`). A body that is not the provider\'s shape throws `ProviderPayloadError` with the `path` of the offending field; an unknown event name gives an event of type `unknown`, never an error.',
    '- `mapStatus(provider, word, channel?)`: a provider status word a back-office stored (Mailjet `softbounced`, Twilio `undelivered`, Tipimail `filtered`) → display status.',
    '- `mapLabel(label, channel?)`: a back-office label in French or English (`Délivré`, `Crédits épuisés`, `Soft bounces`) → display status; `labelMeaning` adds the reason.',
    '- A Unix time (number or numeric text) is read in seconds, milliseconds, microseconds or nanoseconds by its size, and must give an instant from 2000 to 2199 UTC: 0, a negative time or 1e20 is a placeholder or a mistake, and the event is invalid (`ProviderPayloadError` naming the field, or `onInvalidItem`). ISO 8601 texts are taken as written.',
    '- Events whose time is not an exact UTC instant from the provider say how it was obtained in `timeBasis`: `assumed-utc` (SMS carrier time without zone), `assumed-zone` (local wall clock, read in `options.timeZone`), `received` (no time at all: `options.receivedAt`, default now; also a polled current status, dated when it was observed so that a later poll wins).',
    '- Feed the events of one message to `reduceEvents` for its status. Provider strings are copied verbatim, never interpreted: render them as text.',
    '',
    '### A webhook endpoint in Node',
    '',
    NODE_EXAMPLE,
    '',
    'Amazon SNS first posts a `SubscriptionConfirmation` (no events): confirm it by fetching its `SubscribeURL`. Tipimail webhook bodies are not read yet (their fields are undocumented in the sources used); use its statistics API items or `mapStatus`.',
    '',
    '### Provider words and what they become',
    '',
    'Rows are tried top to bottom; a row with a **When** condition wins over the plain row of the same word. Reasons come from the provider\'s code tables, then the SMTP reply (`classifySmtp`), then the row\'s own reason. Notes mark the rows the research left uncertain and the choice made.',
    '',
  ];
  for (const provider of PROVIDERS) lines.push(...providerSection(PROVIDER_MAPPINGS[provider]));
  lines.push(
    '<details><summary><b>Back-office labels</b> (<code>mapLabel</code>)</summary>',
    '',
    'Accents, case, punctuation and plural `s` are ignored.',
    '',
    row(['Labels', 'Display status', 'Reason', 'Channel']),
    '|---|---|---|---|',
    ...LABELS.map((rule) => row([rule.labels.join(', '), `**${rule.status}**`, rule.reason, rule.channel ?? 'any'])),
    '',
    '</details>',
  );
  return lines.join('\n');
}

/** README text with the section between the markers replaced. */
export function withSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${section}\n${readme.slice(end)}`;
}

const mode = process.argv.includes('--write') ? 'write' : process.argv.includes('--check') ? 'check' : 'print';
const section = renderProviderSection();
if (mode === 'print') {
  console.log(section);
} else {
  const current = readFileSync(README, 'utf8');
  const next = withSection(current, section);
  if (mode === 'write') {
    if (next !== current) writeFileSync(README, next);
    console.log(next === current ? 'README providers section: up to date' : 'README providers section: rewritten');
  } else if (next !== current) {
    console.error('README providers section is stale: run `npx tsx scripts/provider-table.ts --write`');
    process.exitCode = 1;
  } else {
    console.log('README providers section: up to date');
  }
}
