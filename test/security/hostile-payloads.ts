/**
 * Provider webhook bodies with a hostile string in every free-text field the adapters read, built from the sample
 * payloads in test/fixtures/provider-samples. Each target names a sample and, for each field it overwrites, what
 * that field becomes in the canonical event, so that a test can check the string arrived there untouched.
 */
import type { CanonicalEvent } from '../../src/core/index.js';
import type { ProviderId } from '../../src/providers/index.js';
import { PROVIDER_SAMPLES } from '../fixtures/provider-samples/index.js';
import { wellFormed } from './hostile-strings.js';

/**
 * What an overwritten field becomes: a failure diagnostic (`detail.text`), a provider or SMTP code
 * (`detail.code`), a clicked URL (`detail.url`), the provider's event or status word (`raw`, which makes the
 * event `unknown`), the message id, the recipient; `ignored` for fields no adapter reads (subjects, tags,
 * campaign names, custom ids), filled anyway to check they neither break `normalize` nor leak out.
 */
export type Role = 'text' | 'code' | 'url' | 'raw' | 'id' | 'recipient' | 'ignored';

type Path = readonly (string | number)[];

/** One sample body and the fields to overwrite in it. */
export interface Target {
  readonly sample: string;
  readonly fields: readonly (readonly [Path, Role])[];
  /** Fields to delete first (a field that would win over the overwritten one). */
  readonly remove?: readonly Path[];
}

const SG: Path = [0];
const MG: Path = ['event-data'];
const SP_MSG: Path = [0, 'msys', 'message_event'];
const SP_TRACK: Path = [0, 'msys', 'track_event'];
const SES_BOUNCED: Path = ['bounce', 'bouncedRecipients', 0];

/** Per provider, the samples and fields that carry free text into canonical events. */
export const TARGETS: { readonly [P in ProviderId]: readonly Target[] } = {
  sendgrid: [
    {
      sample: 'bounce_hard',
      fields: [
        [[...SG, 'reason'], 'text'], [[...SG, 'status'], 'code'], [[...SG, 'sg_message_id'], 'id'],
        [[...SG, 'email'], 'recipient'], [[...SG, 'category', 0], 'ignored'],
      ],
    },
    { sample: 'deferred', fields: [[[...SG, 'response'], 'text'], [[...SG, 'sg_message_id'], 'id']] },
    { sample: 'click', fields: [[[...SG, 'url'], 'url'], [[...SG, 'sg_message_id'], 'id']] },
    { sample: 'processed', fields: [[[...SG, 'event'], 'raw'], [[...SG, 'sg_message_id'], 'id']] },
  ],
  mailjet: [
    {
      sample: 'bounce_hard',
      fields: [
        [[0, 'comment'], 'text'], [[0, 'MessageID'], 'id'], [[0, 'email'], 'recipient'],
        [[0, 'CustomID'], 'ignored'], [[0, 'customcampaign'], 'ignored'], [[0, 'Payload'], 'ignored'],
      ],
    },
    { sample: 'blocked', fields: [[[0, 'error'], 'text'], [[0, 'MessageID'], 'id']] },
    { sample: 'click', fields: [[[0, 'url'], 'url'], [[0, 'MessageID'], 'id']] },
    { sample: 'sent', fields: [[[0, 'event'], 'raw'], [[0, 'MessageID'], 'id']], remove: [[0, 'mj_message_id']] },
  ],
  brevo: [
    {
      sample: 'hard_bounce',
      fields: [
        [['reason'], 'text'], [['message-id'], 'id'], [['email'], 'recipient'],
        [['subject'], 'ignored'], [['tags', 0], 'ignored'], [['X-Mailin-custom'], 'ignored'],
      ],
    },
    { sample: 'click', fields: [[['link'], 'url'], [['message-id'], 'id']] },
    { sample: 'delivered', fields: [[['event'], 'raw'], [['message-id'], 'id']] },
  ],
  mailgun: [
    {
      sample: 'failed_permanent_bounce',
      fields: [
        [[...MG, 'delivery-status', 'message'], 'text'], [[...MG, 'delivery-status', 'enhanced-code'], 'code'],
        [[...MG, 'message', 'headers', 'message-id'], 'id'], [[...MG, 'recipient'], 'recipient'],
        [[...MG, 'message', 'headers', 'subject'], 'ignored'], [[...MG, 'tags'], 'ignored'],
      ],
    },
    { sample: 'rejected', fields: [[[...MG, 'reject', 'reason'], 'text'], [[...MG, 'message', 'headers', 'message-id'], 'id']] },
    { sample: 'clicked', fields: [[[...MG, 'url'], 'url'], [[...MG, 'message', 'headers', 'message-id'], 'id']] },
    { sample: 'accepted', fields: [[[...MG, 'event'], 'raw'], [[...MG, 'message', 'headers', 'message-id'], 'id']] },
  ],
  postmark: [
    {
      sample: 'Bounce_HardBounce',
      fields: [
        [['Details'], 'text'], [['MessageID'], 'id'], [['Email'], 'recipient'],
        [['Subject'], 'ignored'], [['Tag'], 'ignored'], [['Description'], 'ignored'],
      ],
    },
    { sample: 'Click', fields: [[['OriginalLink'], 'url'], [['MessageID'], 'id']] },
    { sample: 'Delivery', fields: [[['RecordType'], 'raw'], [['MessageID'], 'id']] },
  ],
  'amazon-ses': [
    {
      sample: 'Bounce_Permanent_General',
      fields: [
        [[...SES_BOUNCED, 'diagnosticCode'], 'text'], [[...SES_BOUNCED, 'status'], 'code'], [['mail', 'messageId'], 'id'],
        [[...SES_BOUNCED, 'emailAddress'], 'recipient'], [['mail', 'commonHeaders', 'subject'], 'ignored'],
        [['mail', 'tags', 'ses:configuration-set', 0], 'ignored'],
      ],
    },
    { sample: 'Reject', fields: [[['reject', 'reason'], 'text'], [['mail', 'messageId'], 'id']] },
    { sample: 'Click', fields: [[['click', 'link'], 'url'], [['mail', 'messageId'], 'id']] },
    { sample: 'Send', fields: [[['eventType'], 'raw'], [['mail', 'messageId'], 'id']] },
  ],
  twilio: [
    {
      sample: 'undelivered',
      fields: [[['ErrorMessage'], 'text'], [['ErrorCode'], 'code'], [['MessageSid'], 'id'], [['To'], 'recipient']],
    },
    { sample: 'sent', fields: [[['MessageStatus'], 'raw'], [['MessageSid'], 'id']] },
  ],
  vonage: [
    { sample: 'rejected', fields: [[['err-code'], 'code'], [['messageId'], 'id'], [['msisdn'], 'recipient'], [['client-ref'], 'ignored']] },
    { sample: 'delivered', fields: [[['status'], 'raw'], [['messageId'], 'id']] },
  ],
  sparkpost: [
    {
      sample: 'bounce',
      fields: [
        [[...SP_MSG, 'raw_reason'], 'text'], [[...SP_MSG, 'error_code'], 'code'], [[...SP_MSG, 'message_id'], 'id'],
        [[...SP_MSG, 'rcpt_to'], 'recipient'], [[...SP_MSG, 'campaign_id'], 'ignored'], [[...SP_MSG, 'rcpt_tags', 0], 'ignored'],
      ],
    },
    { sample: 'click', fields: [[[...SP_TRACK, 'target_link_url'], 'url'], [[...SP_TRACK, 'message_id'], 'id']] },
    { sample: 'delivery', fields: [[[...SP_MSG, 'type'], 'raw'], [[...SP_MSG, 'message_id'], 'id']] },
  ],
  resend: [
    {
      sample: 'email.bounced',
      fields: [
        [['data', 'bounce', 'message'], 'text'], [['data', 'email_id'], 'id'], [['data', 'to', 0], 'recipient'],
        [['data', 'subject'], 'ignored'], [['data', 'tags', 'invoice'], 'ignored'],
      ],
    },
    { sample: 'email.failed', fields: [[['data', 'failed', 'reason'], 'text'], [['data', 'email_id'], 'id']] },
    { sample: 'email.clicked', fields: [[['data', 'click', 'link'], 'url'], [['data', 'email_id'], 'id']] },
    { sample: 'email.sent', fields: [[['type'], 'raw'], [['data', 'email_id'], 'id']] },
  ],
  tipimail: [
    {
      sample: 'statistics_messages_item',
      // A failure, so that the reason is kept as the diagnostic.
      fields: [[['reason'], 'text'], [['id'], 'id'], [['msg', 'email'], 'recipient'], [['msg', 'subject'], 'ignored'], [['tags', 0], 'ignored']],
    },
    { sample: 'statistics_messages_item', fields: [[['lastState'], 'raw'], [['id'], 'id']] },
  ],
};

/** Providers whose bodies are posted as forms (everything else is JSON). */
const FORM_PROVIDERS: ReadonlySet<ProviderId> = new Set(['twilio', 'vonage']);

/** Tipimail's sample is a delivery: the diagnostic target turns it into a hard bounce, whose reason is kept. */
const PRESET: { readonly [P in ProviderId]?: { readonly [sample: string]: readonly (readonly [Path, unknown])[] } } = {
  tipimail: { statistics_messages_item: [[['lastState'], 'hardbounced']] },
};

function setAt(target: unknown, path: Path, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function removeAt(target: unknown, path: Path): void {
  let node = target as Record<string | number, unknown> | undefined;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, unknown> | undefined;
  if (node) delete node[path[path.length - 1]!];
}

/** A webhook body as the provider would post it: JSON text, or form text for Twilio and Vonage receipts. */
export interface HostileBody {
  readonly target: Target;
  readonly body: string;
  /** The form encoding cannot carry lone surrogates: what the adapter can receive at best. */
  readonly expected: (value: string) => string;
}

/**
 * The body of `target` with `value` in every listed field (`id` gets `id` instead, so that one string can fill the
 * message ids of several messages).
 */
export function hostileBody(provider: ProviderId, target: Target, value: string, id: string): HostileBody {
  const samples = (PROVIDER_SAMPLES[provider] as { samples: Record<string, unknown> }).samples;
  const body = structuredClone(samples[target.sample]);
  if (body === undefined) throw new Error(`no sample ${provider}/${target.sample}`);
  for (const path of target.remove ?? []) removeAt(body, path);
  const rawTarget = target.fields.some(([, role]) => role === 'raw');
  if (!rawTarget) for (const [path, preset] of PRESET[provider]?.[target.sample] ?? []) setAt(body, path, preset);
  for (const [path, role] of target.fields) setAt(body, path, role === 'id' ? id : value);
  const form = FORM_PROVIDERS.has(provider) && !Array.isArray(body);
  return {
    target,
    body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
    expected: form ? wellFormed : (text) => text,
  };
}

/** The canonical field a role lands in. */
export function fieldOf(event: CanonicalEvent, role: Exclude<Role, 'ignored'>): string | undefined {
  switch (role) {
    case 'text':
      return event.detail?.text;
    case 'code':
      return event.detail?.code;
    case 'url':
      return event.detail?.url;
    case 'raw':
      return event.raw;
    case 'id':
      return event.messageId;
    case 'recipient':
      return event.recipient;
  }
}
