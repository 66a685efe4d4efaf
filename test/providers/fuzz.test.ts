// Fuzzing normalize (property-based): whatever reaches a webhook endpoint, every adapter answers with
// well-formed canonical events or a ProviderPayloadError saying where, never another exception. Mutated real
// samples keep an event whose name alone is unknown; Object.prototype is never touched; ids beyond 2^53 keep
// every digit. The event validator below is written from the CanonicalEvent docs, not from the adapters.
import fc from 'fast-check';
import { expect } from '../support/expect.js';
import { CHANNELS, DELIVERY_STATES, ENGAGEMENT_SIGNALS, FAILURE_REASONS } from '../../src/core/index.js';
import {
  normalize,
  PROVIDERS,
  PROVIDER_MAPPINGS,
  ProviderPayloadError,
  type ProviderEvent,
  type ProviderId,
} from '../../src/providers/index.js';
import { PROVIDER_SAMPLES } from '../fixtures/provider-samples/index.js';

const RECEIVED = '2024-06-10T12:00:00.000Z';
/** Runs per provider and property: 11 providers keep the whole file within a few seconds. */
const RUNS = 50;

// ---------------------------------------------------------------------------------------------------------
// The independent validator

const EVENT_TYPES: ReadonlySet<string> = new Set([...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS]);
const REASONS: ReadonlySet<string> = new Set(FAILURE_REASONS);
const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);
// Failures, deferrals and holds say why; other types never carry a reason.
const WITH_REASON: ReadonlySet<string> = new Set(['held', 'deferred', 'soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'dropped', 'failed', 'expired']);
const BOUNCES: ReadonlySet<string> = new Set(['soft-bounced', 'hard-bounced', 'bounced', 'blocked']);
const MACHINE_DOABLE: ReadonlySet<string> = new Set(['opened', 'clicked']);
const TIME_BASES: ReadonlySet<string> = new Set(['assumed-utc', 'assumed-zone', 'message-time', 'received']);
const EVENT_KEYS: ReadonlySet<string> = new Set([
  'provider', 'channel', 'messageId', 'recipient', 'type', 'at', 'timeBasis', 'eventId', 'reason', 'detail', 'automated', 'async', 'raw',
]);

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** What is wrong with `detail` on an event of `type`; undefined when nothing is. */
function detailDefect(detail: unknown, type: string): string | undefined {
  if (!isPlainObject(detail) || Object.keys(detail).length === 0) return 'detail is not a non-empty object';
  for (const [key, value] of Object.entries(detail)) {
    if (!isText(value)) return `detail.${key} is not a non-empty string`;
    if (key === 'url' ? type !== 'clicked' : !['code', 'text'].includes(key) || !WITH_REASON.has(type)) return `detail.${key} on ${type}`;
  }
  return undefined;
}

/** What is wrong with `value` as a canonical event read for `provider`; undefined when nothing is. */
function defect(value: unknown, provider: ProviderId): string | undefined {
  if (!isPlainObject(value)) return 'not a plain object';
  const extra = Object.keys(value).filter((key) => !EVENT_KEYS.has(key));
  if (extra.length > 0) return `unexpected fields ${extra.join(', ')}`;
  const unset = Object.entries(value).find(([, field]) => field === undefined);
  if (unset) return `${unset[0]} present but undefined`;
  const { type, at } = value;
  if (value.provider !== provider) return `provider ${String(value.provider)}`;
  if (typeof value.channel !== 'string' || !CHANNEL_SET.has(value.channel)) return `channel ${String(value.channel)}`;
  if (!isText(value.messageId)) return 'messageId is not a non-empty string';
  if (!isText(value.raw)) return 'raw word not kept';
  if (typeof type !== 'string' || !EVENT_TYPES.has(type)) return `type ${String(type)}`;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) return `at ${String(at)} is not ISO 8601 UTC`;
  if (value.timeBasis !== undefined && !TIME_BASES.has(String(value.timeBasis))) return `timeBasis ${String(value.timeBasis)}`;
  if (value.recipient !== undefined && !isText(value.recipient)) return 'recipient is not a non-empty string';
  if (value.eventId !== undefined && !isText(value.eventId)) return 'eventId is not a non-empty string';
  if (WITH_REASON.has(type) ? !REASONS.has(String(value.reason)) : value.reason !== undefined) return `reason ${String(value.reason)} on ${type}`;
  if (value.detail !== undefined) return detailDefect(value.detail, type);
  if (value.automated !== undefined && (value.automated !== true || !MACHINE_DOABLE.has(type))) return `automated on ${type}`;
  if (value.async !== undefined && (value.async !== true || !BOUNCES.has(type))) return `async on ${type}`;
  return undefined;
}

/**
 * normalize's answer to `body`, checked: well-formed events, or a ProviderPayloadError naming this provider and
 * a path. Any other exception, or a malformed event, throws (and fails the property).
 */
function answer(provider: ProviderId, body: unknown): ProviderEvent[] | ProviderPayloadError {
  let events: unknown;
  try {
    events = normalize(provider, body as object, { receivedAt: RECEIVED });
  } catch (error) {
    if (!(error instanceof ProviderPayloadError)) {
      const { name, message } = error instanceof Error ? error : { name: typeof error, message: String(error) };
      throw new Error(`${provider}: threw ${name} instead of a ProviderPayloadError: ${message}`, { cause: error });
    }
    expect(error.provider, 'error.provider').to.equal(provider);
    expect(error.path, 'error.path').to.be.a('string').that.matches(/^\$/);
    return error;
  }
  if (!Array.isArray(events)) throw new Error(`${provider}: returned ${typeof events}, not an array`);
  events.forEach((event: unknown, index) => {
    const problem = defect(event, provider);
    if (problem !== undefined) throw new Error(`${provider}: event ${index}: ${problem}: ${JSON.stringify(event)}`);
  });
  return events as ProviderEvent[];
}

/** Events, failing with the error when normalize refused the body. */
const eventsOf = (provider: ProviderId, body: unknown): ProviderEvent[] => {
  const result = answer(provider, body);
  if (result instanceof ProviderPayloadError) throw new Error(`${provider}: refused: ${result.message}`);
  return result;
};

// ---------------------------------------------------------------------------------------------------------
// Inputs

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;
const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A record with exactly these own keys: "__proto__" stays a key, as JSON.parse makes it, never a prototype. */
const ownRecord = (entries: readonly (readonly [string, unknown])[]): Record<string, unknown> => {
  const record: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return record;
};

const sampleTexts = (provider: ProviderId): readonly string[] => Object.values(PROVIDER_SAMPLES[provider].sampleTexts as Readonly<Record<string, string>>);
const sampleValues = (provider: ProviderId): readonly Json[] => Object.values(PROVIDER_SAMPLES[provider].samples as Readonly<Record<string, Json>>);

/** Every word the mapping tables know, any provider, so that fuzzed bodies reach the rules and not only their fallback. */
const WORDS = [
  ...new Set(
    Object.values(PROVIDER_MAPPINGS).flatMap((mapping) => [
      ...mapping.sources.flatMap((source) => source.rules.map((rule) => rule.raw)),
      ...mapping.statuses.map((status) => status.raw),
      ...mapping.reasons.flatMap((table) => table.rules.map((rule) => rule.raw)),
    ]),
  ),
];

/** Field names the adapters read, and keys that name JavaScript internals. */
const FIELDS = [
  'event', 'sg_message_id', 'smtp-id', 'timestamp', 'email', 'reason', 'status', 'type', 'url', 'sg_event_id', 'sg_machine_open',
  'MessageID', 'mj_message_id', 'Message_GUID', 'time', 'hard_bounce', 'error_related_to', 'error', 'comment', 'Status', 'Data', 'ID',
  'ArrivedAt', 'MessageId', 'Name', 'Code', 'SentTS', 'CreationTS', 'To', 'message-id', 'messageId', 'msg_status', 'ts_epoch', 'ts_event',
  'ts', 'date', 'link', 'event-data', 'items', 'message', 'headers', 'delivery-status', 'enhanced-code', 'code', 'severity', 'client-info',
  'bot', 'recipient', 'id', 'flags', 'is-delayed-bounce', 'RecordType', 'Type', 'BouncedAt', 'Bounces', 'DeliveredAt', 'Details',
  'SuppressSending', 'eventType', 'notificationType', 'mail', 'destination', 'Message', 'detail', 'detail-type', 'bounce', 'bounceType',
  'bouncedRecipients', 'emailAddress', 'diagnosticCode', 'recipients', 'delayedRecipients', 'feedbackId', 'MessageStatus', 'SmsStatus',
  'MessageSid', 'SmsSid', 'RawDlrDoneDate', 'ErrorCode', 'specversion', 'data', 'messageStatus', 'messageSid', 'sid', 'date_updated',
  'message_uuid', 'msisdn', 'scts', 'message-timestamp', 'err-code', 'msys', 'message_event', 'track_event', 'results', 'message_id',
  'bounce_class', 'rcpt_to', 'email_id', 'last_event', 'created_at', 'to', 'lastState', 'lastStateDate', 'createdDate', 'msg',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const timeArb: fc.Arbitrary<Json> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.integer({ min: -1e12, max: 1e18 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 2e10 }).map(String),
  fc.stringMatching(/^\d{10,12}$/),
  fc.stringMatching(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d(:?\d\d)?)?$/),
  fc.constantFrom('Mon, 10 Jun 2024 09:01:01 +0000', '2024-02-30T00:00:00Z', '2024-03-31 02:30:00', '0000-01-01T00:00:00Z', 'now', '-', '1e400'),
);

/** Up to 80,000 characters. */
const hugeStringArb = fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 20_000 })).map(([unit, times]) => unit.repeat(times));

const scalarArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: timeArb },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant('')) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: hugeStringArb },
);

/** JSON values shaped like webhook bodies: provider field names, known words, times, hostile keys. */
const { value: bodyLikeArb } = fc.letrec<{ value: Json; record: Json; array: Json }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('record'), tie('array')),
  record: fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 6 }).map((entries) => ownRecord(entries) as Json),
  array: fc.array(tie('value'), { maxLength: 4 }),
}));

/** Anything a caller might hand over as an already parsed body, far beyond JSON. */
const anythingArb = fc.anything({
  key: keyArb,
  stringUnit: 'binary',
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Envelopes the adapters unwrap, as text around a body and as a function of a body. */
const ENVELOPES: readonly { readonly open: string; readonly close: string; readonly wrap: (value: Json) => Json }[] = [
  { open: '[', close: ']', wrap: (v) => [v] },
  { open: '{"event-data":', close: '}', wrap: (v) => ownRecord([['event-data', v]]) as Json },
  { open: '{"msys":{"message_event":', close: '}}', wrap: (v) => ({ msys: ownRecord([['message_event', v]]) as Json }) },
  { open: '{"Type":"Notification","MessageId":"env-1","Message":', close: '}', wrap: (v) => ({ Type: 'Notification', MessageId: 'env-1', Message: JSON.stringify(v) ?? 'null' }) },
  { open: '{"detail-type":"SES","id":"eb-1","detail":', close: '}', wrap: (v) => ownRecord([['detail-type', 'SES'], ['id', 'eb-1'], ['detail', v]]) as Json },
  { open: '{"Count":1,"Data":[', close: ']}', wrap: (v) => ({ Count: 1, Data: [v] }) },
  { open: '{"items":[', close: ']}', wrap: (v) => ({ items: [v] }) },
  { open: '{"results":[', close: ']}', wrap: (v) => ({ results: [v] }) },
  { open: '{"Bounces":[', close: ']}', wrap: (v) => ({ Bounces: [v] }) },
  { open: '{"type":"email.sent","data":', close: '}', wrap: (v) => ownRecord([['type', 'email.sent'], ['data', v]]) as Json },
  { open: '{"specversion":"1.0","data":', close: '}', wrap: (v) => ownRecord([['specversion', '1.0'], ['data', v]]) as Json },
];

/** JSON text nested 1,000 to 12,000 envelopes deep around a real sample (built as text: JSON.stringify would overflow). */
const deepTextArb = (provider: ProviderId) =>
  fc
    .tuple(
      fc.integer({ min: 1_000, max: 12_000 }),
      // Mostly bare arrays, the envelope every batching adapter recurses into.
      fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(ENVELOPES.length - 1)), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...sampleTexts(provider)),
    )
    .map(([depth, pattern, leaf]) => {
      const layers = Array.from({ length: depth }, (_, i) => ENVELOPES[pattern[i % pattern.length] ?? 0]!);
      return layers.map((layer) => layer.open).join('') + leaf + layers.map((layer) => layer.close).reverse().join('');
    });

/** JSON text, valid or not: any JSON, body-like JSON, garbage, truncated and corrupted real samples. */
const jsonTextArb = (provider: ProviderId) => {
  const sample = fc.constantFrom(...sampleTexts(provider));
  return fc.oneof(
    fc.json({ stringUnit: 'binary' }),
    bodyLikeArb.map((value) => JSON.stringify(value)),
    fc.string({ unit: 'binary' }),
    fc.tuple(fc.constantFrom('{', '[', '\uFEFF{', ' [ ', '{"', '[{"event":'), fc.string({ unit: 'binary' })).map(([head, tail]) => head + tail),
    fc.tuple(sample, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
    fc.tuple(sample, fc.nat(), fc.string({ maxLength: 3 })).map(([text, at, junk]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + junk + text.slice(i + 1);
    }),
  );
};

/** Form fields Twilio and Vonage post, plus hostile and random names. */
const FORM_FIELDS = [
  'MessageSid', 'SmsSid', 'MessageStatus', 'SmsStatus', 'RawDlrDoneDate', 'ErrorCode', 'ErrorMessage', 'To', 'From', 'AccountSid',
  'specversion', 'status', 'sid', 'date_updated', 'error_code', 'messageId', 'msisdn', 'scts', 'message-timestamp', 'err-code',
  'message_uuid', 'timestamp', 'to', ...HOSTILE_KEYS,
];
const formArb = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FORM_FIELDS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }),
      fc.oneof(fc.constantFrom(...WORDS), timeArb.map(String), fc.string({ unit: 'binary', maxLength: 20 }), fc.constant('')),
    ),
    { maxLength: 8 },
  )
  .map((entries) => new URLSearchParams(entries));
/** The provider's flat samples as form fields, some dropped, some given random values, hostile fields added. */
const sampleFormArb = (provider: ProviderId) => {
  const flat = sampleValues(provider).filter(
    (sample): sample is Record<string, Json> => isRecord(sample) && Object.values(sample).every((value) => !isRecord(value) && !Array.isArray(value)),
  );
  if (flat.length === 0) return formArb;
  const valueArb = fc.oneof(fc.constantFrom(...WORDS), timeArb.map(String), fc.string({ unit: 'binary', maxLength: 20 }), fc.constant(''));
  return fc
    .tuple(fc.constantFrom(...flat), fc.array(fc.oneof(fc.constant('keep'), fc.constant('drop'), valueArb)), formArb)
    .map(([sample, edits, extra]) => {
      const params = new URLSearchParams();
      Object.entries(sample).forEach(([key, value], i) => {
        const edit = edits[i] ?? 'keep';
        if (edit !== 'drop') params.append(key, edit === 'keep' ? String(value) : edit);
      });
      for (const [key, value] of extra) params.append(key, value);
      return params;
    });
};

/** Form bodies: a URLSearchParams, its text (with or without "?"), or text made of form punctuation. */
const formBodyArb = (provider: ProviderId) => fc.oneof(
  formArb,
  sampleFormArb(provider),
  sampleFormArb(provider).map((params) => params.toString()),
  formArb.map((params) => params.toString()),
  formArb.map((params) => `?${params.toString()}`),
  fc.string({ unit: fc.constantFrom('&', '=', '%', '+', '?', '%2', '%ZZ', 'Message', 'Status', 'Sid', 'a', '1', ' ', '\u00e9') }),
);

// ---------------------------------------------------------------------------------------------------------
// Mutations of real samples

type Key = string | number;
type Path = readonly Key[];


/** Every position in a JSON value, the root first. */
function positions(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => positions(item, [...at, index], out));
  else if (isRecord(value)) for (const key of Object.keys(value)) positions(value[key] ?? null, [...at, key], out);
  return out;
}

const valueAt = (root: Json, path: Path): Json =>
  path.reduce<Json>((value, key) => (Array.isArray(value) ? value[key as number] : isRecord(value) ? value[key as string] : undefined) ?? null, root);

/** `root` with the value at `path` replaced (`undefined`: removed). Mutates in place; returns the (new) root. */
function replaceAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(key as number, 1);
    else parent[key as number] = value;
  } else if (isRecord(parent)) {
    if (value === undefined) delete parent[key as string];
    else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'retype'; readonly at: number; readonly value: Json }
  | { readonly kind: 'duplicate'; readonly at: number; readonly index: number }
  | { readonly kind: 'wrap'; readonly at: number; readonly envelope: number }
  | { readonly kind: 'unwrap'; readonly at: number; readonly index: number }
  | { readonly kind: 'rename'; readonly at: number; readonly name: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: bodyLikeArb }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), index: fc.nat() }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat(), envelope: fc.nat(ENVELOPES.length - 1) }),
  fc.record({ kind: fc.constant('unwrap' as const), at: fc.nat(), index: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'binary', maxLength: 30 })) }),
);

/** Applies one mutation to `root` (in place where it can); returns the mutated root. */
function mutate(root: Json, mutation: Mutation): Json {
  const all = positions(root);
  const path = all[mutation.at % all.length]!;
  const target = valueAt(root, path);
  switch (mutation.kind) {
    case 'delete':
      return path.length === 0 ? root : replaceAt(root, path, undefined);
    case 'retype': {
      // A value of another JSON type than the one it replaces.
      const kind = kindOf(target);
      const value = kindOf(mutation.value) !== kind ? mutation.value : kind === 'array' ? { value: mutation.value } : [mutation.value];
      return replaceAt(root, path, value);
    }
    case 'duplicate':
      if (Array.isArray(target) && target.length > 0) {
        const index = mutation.index % target.length;
        target.splice(index, 0, clone(target[index] ?? null));
        return root;
      }
      return replaceAt(root, path, [target, clone(target)]);
    case 'wrap':
      return replaceAt(root, path, ENVELOPES[mutation.envelope]!.wrap(target));
    case 'unwrap': {
      const children = Array.isArray(target) ? target : isRecord(target) ? Object.values(target) : [];
      return children.length === 0 ? root : replaceAt(root, path, children[mutation.index % children.length] ?? null);
    }
    case 'rename': {
      const strings = all.filter((at) => typeof valueAt(root, at) === 'string');
      return strings.length === 0 ? root : replaceAt(root, strings[mutation.at % strings.length]!, mutation.name);
    }
  }
}

/** Scalars for {@link scramble}: the body-like ones without the huge strings. */
const leafArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: timeArb },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant('')) },
);

/** `root` with its i-th scalar replaced by `leaves[i % leaves.length]` when that is not null. */
function scramble(root: Json, leaves: readonly (Json | null)[]): Json {
  const scalars = positions(root).filter((path) => {
    const value = valueAt(root, path);
    return !isRecord(value) && !Array.isArray(value);
  });
  return scalars.reduce((node, path, i) => {
    const leaf = leaves[i % leaves.length] ?? null;
    return leaf === null ? node : replaceAt(node, path, leaf);
  }, root);
}

/**
 * Where each provider puts the event name in an event item (after any batch array): `#` is an array index,
 * `*` any key. Only string values there are renamed.
 */
const NAME_FIELDS: { readonly [P in ProviderId]: readonly (readonly string[])[] } = {
  sendgrid: [['event']],
  mailjet: [['event'], ['Status'], ['Data', '#', 'Status'], ['Status', 'Name']],
  brevo: [['event'], ['msg_status']],
  mailgun: [['event'], ['event-data', 'event'], ['items', '#', 'event']],
  postmark: [['RecordType'], ['Bounces', '#', 'Type']],
  'amazon-ses': [['eventType'], ['notificationType'], ['detail', 'eventType']],
  twilio: [['MessageStatus'], ['SmsStatus'], ['status'], ['data', 'messageStatus']],
  vonage: [['status']],
  sparkpost: [['type'], ['msys', '*', 'type'], ['results', '#', 'type']],
  resend: [['type'], ['last_event']],
  tipimail: [['lastState']],
};

const matchesField = (pattern: readonly string[], path: Path): boolean => {
  const start = path.findIndex((key) => typeof key !== 'number');
  const rest = start === -1 ? [] : path.slice(start);
  return rest.length === pattern.length && pattern.every((segment, i) => segment === '*' || (segment === '#' ? typeof rest[i] === 'number' : segment === rest[i]));
};

const namePositions = (provider: ProviderId, root: Json): Path[] =>
  positions(root).filter((path) => typeof valueAt(root, path) === 'string' && NAME_FIELDS[provider].some((pattern) => matchesField(pattern, path)));

const foldWord = (word: string): string => word.trim().toLowerCase();
const KNOWN_NAMES: ReadonlySet<string> = new Set(
  Object.values(PROVIDER_MAPPINGS).flatMap((mapping) => mapping.sources.flatMap((source) => source.rules.map((rule) => foldWord(rule.raw)))),
);
// Names documented to give no event: the SES subscription notice, Resend's contact and domain webhooks.
const SILENT_NAMES = /^(?:amazonsnssubscriptionsucceeded$|contact\.|domain\.)/i;
const unknownNameArb = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 30 })
  .filter((name) => !KNOWN_NAMES.has(foldWord(name)) && !SILENT_NAMES.test(name.trim()));

/** Provider events in `events`: an implied delivery shares its signal's message, recipient, word and time. */
const occurrences = (events: readonly ProviderEvent[]): number =>
  new Set(events.map((event) => JSON.stringify([event.messageId, event.recipient ?? null, event.raw, event.at]))).size;

// ---------------------------------------------------------------------------------------------------------

/** Object.prototype and Array.prototype as they are now, to compare after hostile bodies. */
const prototypeSnapshot = (): string =>
  JSON.stringify([Object.prototype, Array.prototype, Function.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort()));
const PRISTINE = prototypeSnapshot();

const expectCleanPrototypes = (): void => {
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'event', 'MessageID', 'isAdmin']) expect(probe[key], `({}).${key}`).to.equal(undefined);
  expect(([] as unknown as Record<string, unknown>).polluted, '[].polluted').to.equal(undefined);
  expect(prototypeSnapshot()).to.equal(PRISTINE);
};

describe('normalize fuzzing: events or a ProviderPayloadError, never anything else', function () {
  // Dozens of runs each: generous, for a machine shared with other test runs.
  this.timeout(30_000);
  after(expectCleanPrototypes);

  for (const provider of PROVIDERS) {
    describe(provider, () => {
      it('answers any body-like JSON value, parsed or as text', () => {
        fc.assert(
          fc.property(bodyLikeArb, (value) => {
            answer(provider, value);
            answer(provider, JSON.stringify(value));
          }),
          { numRuns: RUNS },
        );
      });

      it('answers any value a caller may pass, JSON or not (Dates, Maps, boxed values, typed arrays, null prototypes)', () => {
        fc.assert(fc.property(fc.oneof(fc.jsonValue(), anythingArb), (value) => void answer(provider, value)), { numRuns: RUNS });
      });

      it('answers any JSON text, as a string or as bytes: invalid, truncated and corrupted samples included', () => {
        fc.assert(
          fc.property(jsonTextArb(provider), (text) => {
            answer(provider, text);
            answer(provider, new TextEncoder().encode(text));
          }),
          { numRuns: RUNS },
        );
      });

      it('answers bodies nested thousands of envelopes deep without overflowing the stack', () => {
        fc.assert(
          fc.property(deepTextArb(provider), (text) => {
            answer(provider, text);
            answer(provider, JSON.parse(text));
          }),
          { numRuns: 8 },
        );
      });

      it('answers any form body, as text or as URLSearchParams', () => {
        fc.assert(fc.property(formBodyArb(provider), (body) => void answer(provider, body)), { numRuns: RUNS });
      });

      it('answers real samples whose values are all replaced by random ones, shape kept', () => {
        fc.assert(
          fc.property(fc.constantFrom(...sampleValues(provider)), fc.array(fc.option(leafArb), { minLength: 1, maxLength: 40 }), (sample, leaves) => {
            const scrambled = scramble(clone(sample), leaves);
            answer(provider, scrambled);
            answer(provider, JSON.stringify(scrambled));
          }),
          { numRuns: RUNS },
        );
      });

      it('answers mutated real samples: fields deleted, retyped, duplicated, wrapped, unwrapped, renamed', () => {
        fc.assert(
          fc.property(fc.constantFrom(...sampleValues(provider)), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (sample, mutations) => {
            const mutated = mutations.reduce(mutate, clone(sample));
            answer(provider, mutated);
            answer(provider, JSON.stringify(mutated));
          }),
          { numRuns: RUNS * 2 },
        );
      });

      it('never drops an event of a known shape whose name alone is unknown: it becomes unknown, its word kept', () => {
        const renamable = sampleValues(provider).flatMap((sample) => {
          const result = answer(provider, sample);
          const names = namePositions(provider, sample);
          return result instanceof ProviderPayloadError || result.length === 0 || names.length === 0 ? [] : [{ sample, before: result, names }];
        });
        expect(renamable, 'samples with an event name').to.not.be.empty;
        fc.assert(
          fc.property(fc.constantFrom(...renamable), unknownNameArb, ({ sample, before, names }, name) => {
            const renamed = names.reduce((root, path) => replaceAt(root, path, name), clone(sample));
            for (const after of [eventsOf(provider, renamed), eventsOf(provider, JSON.stringify(renamed))]) {
              expect(after).to.have.length(occurrences(before));
              for (const event of after) expect(event).to.include({ type: 'unknown', raw: name });
              expect(new Set(after.map((event) => event.messageId))).to.deep.equal(new Set(before.map((event) => event.messageId)));
            }
          }),
          { numRuns: RUNS },
        );
      });

      it('leaves Object.prototype alone whatever "__proto__" and "constructor" keys a body carries', () => {
        const hostile = fc.tuple(fc.constantFrom(...sampleValues(provider)), fc.nat(), leafArb).map(([sample, at, extra]) => {
          const root = clone(sample);
          const records = positions(root).filter((path) => isRecord(valueAt(root, path)));
          const path = records[at % records.length] ?? [];
          const target = valueAt(root, path);
          if (!isRecord(target)) return root;
          // What an attacker would like merged into every object: the target's own fields and a marker.
          const payload = ownRecord([...Object.entries(target), ['polluted', 'yes'], ['isAdmin', true], ['extra', extra]]) as Json;
          replaceAt(root, [...path, '__proto__'], payload);
          replaceAt(root, [...path, 'constructor'], { prototype: payload });
          return root;
        });
        fc.assert(
          fc.property(hostile, (body) => {
            answer(provider, body);
            answer(provider, JSON.stringify(body));
            expectCleanPrototypes();
          }),
          { numRuns: RUNS },
        );
      });
    });
  }
});

describe('normalize fuzzing: ids above 2^53 keep every digit', function () {
  this.timeout(30_000);
  const bigIdArb = fc.bigInt({ min: 2n ** 53n, max: 2n ** 96n });

  // Fields that carry a message id (or an event id) as a bare JSON number in real samples.
  const NUMERIC_IDS: readonly { readonly provider: ProviderId; readonly field: string; readonly into: 'messageId' | 'eventId' }[] = [
    { provider: 'mailjet', field: 'MessageID', into: 'messageId' },
    { provider: 'mailjet', field: 'ID', into: 'messageId' },
    { provider: 'brevo', field: 'messageId', into: 'messageId' },
    { provider: 'postmark', field: 'ID', into: 'eventId' },
  ];

  for (const { provider, field, into } of NUMERIC_IDS) {
    it(`${provider}: a numeric ${field} beyond 2^53 comes out as its exact digits in ${into}`, () => {
      const bare = new RegExp(`("${field}"\\s*:\\s*)\\d+`, 'g');
      const texts = sampleTexts(provider).filter((text) => new RegExp(bare.source).test(text));
      expect(texts, `samples with a numeric ${field}`).to.not.be.empty;
      fc.assert(
        fc.property(fc.constantFrom(...texts), bigIdArb, (text, id) => {
          const events = eventsOf(provider, text.replace(bare, (_, head: string) => `${head}${id}`));
          expect(events).to.not.be.empty;
          for (const event of events) expect(event[into]).to.equal(id.toString());
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('mailjet: a batch of events with distinct 64-bit ids keeps each one, in order, from text and from bytes', () => {
    fc.assert(
      fc.property(fc.array(bigIdArb, { minLength: 1, maxLength: 8 }), (ids) => {
        const text = `[${ids.map((id, i) => `{"event":"open","time":${1718010300 + i},"MessageID":${id},"email":"a@example.com"}`).join(',')}]`;
        const expected = ids.map(String);
        expect(eventsOf('mailjet', text).map((event) => event.messageId)).to.deep.equal(expected);
        expect(eventsOf('mailjet', new TextEncoder().encode(text)).map((event) => event.messageId)).to.deep.equal(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('normalize: counterexamples found by the fuzzing', () => {
  it('refuses arrays nested 10,000 deep with a ProviderPayloadError, where Mailgun, SES and SparkPost overflowed the stack', () => {
    const text = `${'['.repeat(10_000)}{"event":"delivered"}${']'.repeat(10_000)}`;
    for (const provider of ['mailgun', 'amazon-ses', 'sparkpost'] as const) {
      for (const body of [text, JSON.parse(text) as object]) {
        expect(() => normalize(provider, body), provider).to.throw(ProviderPayloadError, /nested/).with.property('path').that.matches(/^\$(?:\[0\])+$/);
      }
    }
  });

  it('still reads a batch of batches a few arrays deep', () => {
    const sample = PROVIDER_SAMPLES.mailgun.samples.delivered as Json;
    const events = eventsOf('mailgun', [[[sample]], [sample]]);
    expect(events.map((event) => event.type)).to.deep.equal(['delivered', 'delivered']);
  });
});
