// normalize beyond the research samples: batches, raw text, missing fields, unknown words, wrong shapes,
// hostile strings, body forms, options, and each adapter's special cases. Expectations written by hand.
import { expect } from '../support/expect.js';
import { aggregate, reduceEvents } from '../../src/core/index.js';
import {
  normalize,
  PROVIDERS,
  ProviderPayloadError,
  type ProviderEvent,
  type ProviderId,
  type WebhookBody,
} from '../../src/providers/index.js';
import { sampleTexts as mailjetSamples } from '../fixtures/provider-samples/mailjet.js';

const RECEIVED = '2024-06-10T12:00:00.000Z';
const run = (provider: ProviderId, body: WebhookBody): ProviderEvent[] => normalize(provider, body, { receivedAt: RECEIVED });

/** The ProviderPayloadError `body` raises. */
const failure = (provider: string, body: unknown): ProviderPayloadError => {
  try {
    normalize(provider as ProviderId, body as WebhookBody);
  } catch (error) {
    if (error instanceof ProviderPayloadError) return error;
    throw error;
  }
  throw new Error('expected a ProviderPayloadError');
};

const types = (events: readonly ProviderEvent[]): string[] => events.map((e) => e.type);

describe('normalize: onInvalidItem', () => {
  const good = (n: number) => ({ event: 'delivered', sg_message_id: `m${n}`, timestamp: 1718010000 + n });

  it('fails the whole batch for one unreadable event by default', () => {
    expect(failure('sendgrid', [good(1), { event: { nested: true }, sg_message_id: 'm' }, good(3)]).path).to.equal('$[1].event');
  });

  it('hands each unreadable event to onInvalidItem, with its path, and returns the others in order', () => {
    const skipped: ProviderPayloadError[] = [];
    const events = normalize('sendgrid', [good(1), { event: { nested: true }, sg_message_id: 'm' }, good(3), { sg_message_id: 'm' }], {
      receivedAt: RECEIVED,
      onInvalidItem: (error) => skipped.push(error),
    });
    expect(events.map((e) => e.messageId)).to.deep.equal(['m1', 'm3']);
    expect(skipped.map((e) => [e.name, e.provider, e.path])).to.deep.equal([
      ['ProviderPayloadError', 'sendgrid', '$[1].event'],
      ['ProviderPayloadError', 'sendgrid', '$[3].event'],
    ]);
  });

  it('does the same inside envelopes (Mailgun pages) and still throws for a body that is not the provider\'s at all', () => {
    const skipped: string[] = [];
    const onInvalidItem = (error: ProviderPayloadError) => skipped.push(error.path);
    const page = { items: [{ event: 'delivered', id: 'e1', timestamp: 1718010000, message: { headers: { 'message-id': 'a@x' } } }, { id: 'e2' }] };
    expect(normalize('mailgun', page, { onInvalidItem }).map((e) => e.type)).to.deep.equal(['delivered']);
    expect(skipped).to.have.length(1);
    expect(() => normalize('sendgrid', '<html>oops</html>', { onInvalidItem })).to.throw(ProviderPayloadError);
  });
});

describe('normalize: SendGrid message ids', () => {
  it('joins an asynchronous bounce (no sg_message_id) to its message by the X-Message-Id that smtp-id carries', () => {
    const events = run('sendgrid', [
      { event: 'processed', sg_message_id: 'W86EgYT6SQKk0lRflfLRsA.filterdrecv-5645d9c87f-6r2ch-1-5F5FC76C-9.0', 'smtp-id': '<W86EgYT6SQKk0lRflfLRsA@ismtpd0019p1las1.sendgrid.net>', email: 'a@example.com', timestamp: 1718010000 },
      { event: 'delivered', sg_message_id: 'W86EgYT6SQKk0lRflfLRsA.recvd-5f8b6c7d4-abcde-1-5F8B1234-5.0', email: 'a@example.com', timestamp: 1718010001 },
      { event: 'open', sg_message_id: 'W86EgYT6SQKk0lRflfLRsA.filterdrecv-5645d9c87f-6r2ch-1-5F5FC76C-9.0', email: 'a@example.com', timestamp: 1718010100 },
      { event: 'bounce', type: 'bounce', 'smtp-id': '<W86EgYT6SQKk0lRflfLRsA@ismtpd0019p1las1.sendgrid.net>', email: 'a@example.com', timestamp: 1718013600, status: '5.1.1', reason: '550 5.1.1 user unknown' },
    ]);
    expect(new Set(events.map((e) => e.messageId))).to.deep.equal(new Set(['W86EgYT6SQKk0lRflfLRsA']));
    expect(events[3]).to.include({ type: 'hard-bounced', async: true });
    expect(aggregate(events)).to.include({ sent: 1, delivered: 0, hardBounced: 1, opened: 1 });
    expect(reduceEvents(events)).to.include({ delivery: 'hard-bounced', asyncBounce: true, deliveredAt: '2024-06-10T09:00:01.000Z' });
  });

  it('keeps ids of another shape whole', () => {
    expect(run('sendgrid', [{ event: 'delivered', sg_message_id: 'plain-id', timestamp: 1718010000 }])[0]!.messageId).to.equal('plain-id');
    expect(run('sendgrid', [{ event: 'bounce', 'smtp-id': 'no-at-sign', timestamp: 1718010000 }])[0]!.messageId).to.equal('no-at-sign');
  });
});

describe('normalize: batches mixing event types', () => {
  it('reads a SendGrid batch in order, unknown words included', () => {
    const body = [
      { event: 'processed', sg_message_id: 'm1', timestamp: 1718010000 },
      { event: 'delivered', sg_message_id: 'm1', timestamp: 1718010001 },
      { event: 'open', sg_message_id: 'm1', timestamp: 1718010002, sg_machine_open: true },
      { event: 'click', sg_message_id: 'm2', timestamp: 1718010003, url: 'https://example.org/a' },
      { event: 'brand_new_event', sg_message_id: 'm2', timestamp: 1718010004 },
    ];
    const events = run('sendgrid', body);
    expect(types(events)).to.deep.equal(['queued', 'delivered', 'opened', 'clicked', 'unknown']);
    expect(events[2]?.automated, 'sg_machine_open').to.equal(true);
    expect(events[4]).to.deep.equal({
      provider: 'sendgrid',
      channel: 'email',
      messageId: 'm2',
      type: 'unknown',
      at: '2024-06-10T09:00:04.000Z',
      raw: 'brand_new_event',
    });
  });

  it('reads a grouped Mailjet batch from raw text with every 64-bit id intact', () => {
    const text =
      '[{"event":"sent","time":1718010001,"MessageID":9007199254740993,"email":"a@example.com"},' +
      '{"event":"open","time":1718010300,"MessageID":9007199254740995,"email":"b@example.com"},' +
      '{"event":"bounce","time":1718010002,"MessageID":19421777835146493,"email":"c@example.com","hard_bounce":true,"error_related_to":"recipient","error":"user unknown"}]';
    const events = run('mailjet', text);
    expect(events.map((e) => e.messageId)).to.deep.equal(['9007199254740993', '9007199254740995', '19421777835146493']);
    expect(types(events)).to.deep.equal(['delivered', 'opened', 'hard-bounced']);
    expect(events[2]?.reason).to.equal('invalid-recipient');
  });

  it('loses digits only when the caller parsed the body with JSON.parse first (documented)', () => {
    const text = '{"event":"sent","time":1718010001,"MessageID":9007199254740993}';
    expect(run('mailjet', text)[0]?.messageId).to.equal('9007199254740993');
    expect(run('mailjet', JSON.parse(text) as object)[0]?.messageId).to.equal('9007199254740992');
  });

  it('reads a SparkPost batch across event classes, skipping pings and inbound relays', () => {
    const body = [
      { msys: {} },
      { msys: { message_event: { type: 'injection', message_id: 'm', timestamp: '1718010000', event_id: '1' } } },
      { msys: { relay_event: { type: 'relay_injection', timestamp: '1718010000' } } },
      { msys: { track_event: { type: 'amp_click', message_id: 'm', timestamp: '1718010001', event_id: '2', target_link_url: 'https://example.org' } } },
      { msys: { unsubscribe_event: { type: 'link_unsubscribe', message_id: 'm', timestamp: '1718010002', event_id: '3' } } },
      { msys: { gen_event: { type: 'generation_failure', message_id: 'm', timestamp: '1718010003', event_id: '4' } } },
    ];
    const events = run('sparkpost', body);
    expect(types(events)).to.deep.equal(['queued', 'clicked', 'unsubscribed', 'failed']);
    expect(events[3]?.reason).to.equal('template-error');
  });

  it('reads SES SNS notifications in an array, each record parsed from its Message string', () => {
    const record = (eventType: string, extra: object) =>
      JSON.stringify({ eventType, mail: { messageId: 'ses-1', timestamp: '2024-06-10T09:00:00.000Z', destination: ['a@example.com'] }, ...extra });
    const body = [
      { Type: 'Notification', MessageId: 'sns-1', Message: record('Send', { send: {} }) },
      { Type: 'Notification', MessageId: 'sns-2', Message: record('Delivery', { delivery: { timestamp: '2024-06-10T09:00:02.000Z', recipients: ['a@example.com'] } }) },
    ];
    expect(run('amazon-ses', body)).to.deep.equal([
      { provider: 'amazon-ses', channel: 'email', messageId: 'ses-1', recipient: 'a@example.com', type: 'queued', at: '2024-06-10T09:00:00.000Z', eventId: 'sns-1', raw: 'Send' },
      { provider: 'amazon-ses', channel: 'email', messageId: 'ses-1', recipient: 'a@example.com', type: 'delivered', at: '2024-06-10T09:00:02.000Z', eventId: 'sns-2', raw: 'Delivery' },
    ]);
  });
});

describe('normalize: missing optional fields', () => {
  it('falls back to the receipt time, marked, and leaves out what is absent', () => {
    expect(run('sendgrid', [{ event: 'delivered', sg_message_id: 'm' }])).to.deep.equal([
      { provider: 'sendgrid', channel: 'email', messageId: 'm', type: 'delivered', at: RECEIVED, timeBasis: 'received', raw: 'delivered' },
    ]);
  });

  it('gives a failure its reason even without any SMTP detail', () => {
    const [event] = run('mailgun', { 'event-data': { event: 'failed', severity: 'permanent', timestamp: 1718010000, message: { headers: { 'message-id': 'm' } } } });
    expect(event).to.deep.equal({ provider: 'mailgun', channel: 'email', messageId: 'm', type: 'hard-bounced', at: '2024-06-10T09:00:00.000Z', reason: 'undetermined', raw: 'failed' });
    const [noSeverity] = run('mailgun', { event: 'failed', timestamp: 1718010000, message: { headers: { 'message-id': 'm' } } });
    expect(noSeverity?.type).to.equal('bounced');
  });

  it('uses the SES destination when a bounce lists no recipients', () => {
    const [event] = run('amazon-ses', {
      eventType: 'Bounce',
      mail: { messageId: 'ses-1', timestamp: '2024-06-10T09:00:00.000Z', destination: ['a@example.com'] },
      bounce: { bounceType: 'Undetermined', bounceSubType: 'Undetermined' },
    });
    expect(event).to.deep.equal({
      provider: 'amazon-ses',
      channel: 'email',
      messageId: 'ses-1',
      recipient: 'a@example.com',
      type: 'bounced',
      at: '2024-06-10T09:00:00.000Z',
      reason: 'undetermined',
      raw: 'Bounce',
    });
  });

  it('takes the Postmark Description when a bounce has no Details', () => {
    const [event] = run('postmark', { RecordType: 'Bounce', Type: 'DnsError', MessageID: 'pm', BouncedAt: '2024-06-10T09:00:00Z', Description: 'DNS error' });
    expect(event?.type).to.equal('soft-bounced');
    expect(event?.reason).to.equal('domain-or-dns');
    expect(event?.detail).to.deep.equal({ text: 'DNS error' });
  });

  it('reads Brevo email times from date when the epoch fields are missing', () => {
    const [event] = run('brevo', { event: 'delivered', 'message-id': 'm', date: '2024-01-10 11:00:00' });
    expect(event?.at, 'CET in winter').to.equal('2024-01-10T10:00:00.000Z');
    expect(event?.timeBasis).to.equal('assumed-zone');
  });

  it('reads a Twilio callback with nothing but the sid and status', () => {
    expect(run('twilio', 'MessageSid=SM1&MessageStatus=queued')).to.deep.equal([
      { provider: 'twilio', channel: 'sms', messageId: 'SM1', type: 'queued', at: RECEIVED, timeBasis: 'received', raw: 'queued' },
    ]);
  });

  it('reads the reasons of Twilio error codes, an SMS that ran out of time (30036) and one filtered by the carrier (30007)', () => {
    expect(run('twilio', 'MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30036')[0]?.reason).to.equal('timeout');
    expect(run('twilio', 'MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30007')[0]?.reason).to.equal('content-block');
  });

  // It read as a bounce of unknown kind: counted in the bounce rate (whose SMS threshold says to clean the list) and
  // explained as a number that may be invalid, where twilio.com/docs/api/errors/30007 says the message was filtered
  // (blocked) by Twilio or the carrier as spam or against their rules: a refusal of the message, the number not at fault.
  it('reads a Twilio SMS filtered as spam (30007) as blocked for its content, in every body Twilio sends', () => {
    const types = (body: Parameters<typeof run>[1]) => run('twilio', body).map((e) => [e.type, e.reason]);
    expect(types('MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30007'), 'status callback').to.deep.equal([['blocked', 'content-block']]);
    expect(types({ sid: 'SM1', status: 'undelivered', error_code: 30007, date_updated: 'Mon, 10 Jun 2024 09:01:01 +0000' }), 'the REST resource').to.deep.equal([['blocked', 'content-block']]);
    expect(types({ specversion: '1.0', id: 'ev1', time: '2024-06-10T09:00:00Z', data: { messageSid: 'SM1', messageStatus: 'UNDELIVERED', errorCode: 30007 } }), 'Event Streams').to.deep.equal([['blocked', 'content-block']]);
    // Twilio's own failure stays a failure, and another undelivered code keeps its kind.
    expect(types('MessageSid=SM1&MessageStatus=failed&ErrorCode=30007')).to.deep.equal([['failed', 'content-block']]);
    expect(types('MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30008')).to.deep.equal([['bounced', 'carrier']]);
  });

  it('reads a Twilio SMS whose validity period ran out (30036) as expired, as Vonage\'s and Mailjet\'s receipts say it', () => {
    const twilio = (query: string) => run('twilio', query).map((e) => [e.type, e.reason]);
    expect(twilio('MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30036')).to.deep.equal([['expired', 'timeout']]);
    expect(twilio('MessageSid=SM1&MessageStatus=failed&ErrorCode=30036')).to.deep.equal([['expired', 'timeout']]);
    expect(run('twilio', { sid: 'SM1', status: 'undelivered', error_code: 30036, date_updated: 'Tue, 10 Jun 2024 09:00:00 +0000' }).map((e) => e.type), 'the REST resource').to.deep.equal(['expired']);
    expect(run('twilio', { specversion: '1.0', id: 'ev1', time: '2024-06-10T09:00:00Z', data: { messageSid: 'SM1', messageStatus: 'UNDELIVERED', errorCode: 30036 } }).map((e) => e.type), 'Event Streams').to.deep.equal(['expired']);
    const vonage = run('vonage', { messageId: 'v1', status: 'expired', msisdn: '33600000000' })[0];
    const mailjet = run('mailjet', { To: '+33600000000', Status: { Code: 6, Name: 'rejected_expired' }, MessageId: 's1' })[0];
    expect([vonage?.type, mailjet?.type]).to.deep.equal(['expired', 'expired']);
    // Other codes keep their kind.
    expect(twilio('MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30003')).to.deep.equal([['soft-bounced', 'carrier']]);
  });

  it('reads the sender-side Twilio codes of an undelivered SMS as the sender\'s, not the carrier\'s', () => {
    // twilio.com/docs/api/errors/30022: carriers refused it for exceeding the campaign's rate limits;
    // /30024: the numeric sender ID is not provisioned with the carrier (a registration to complete).
    const reason = (code: string) => run('twilio', `MessageSid=SM1&MessageStatus=undelivered&ErrorCode=${code}`)[0]?.reason;
    expect(reason('30022')).to.equal('quota');
    expect(reason('30024')).to.equal('policy');
  });

  it('tells hard SMS bounces from soft ones by the error code, when the code says which', () => {
    const twilio = (code: string) => run('twilio', `MessageSid=SM1&MessageStatus=undelivered&ErrorCode=${code}`)[0]?.type;
    expect(twilio('30005'), 'unknown handset').to.equal('hard-bounced');
    expect(twilio('30006'), 'landline').to.equal('hard-bounced');
    expect(twilio('30003'), 'handset unreachable for now').to.equal('soft-bounced');
    expect(twilio('30007'), 'filtered as spam: a block, the number not at fault').to.equal('blocked');
    expect(twilio('30008'), 'unknown error: says nothing of the number').to.equal('bounced');
    expect(twilio('99999'), 'a code not in the table').to.equal('bounced');
    expect(run('twilio', 'MessageSid=SM1&MessageStatus=undelivered')[0]?.type, 'no code').to.equal('bounced');
    // Only a bounce of unknown kind is refined: Twilio's own failure stays a failure, whatever the code.
    expect(run('twilio', 'MessageSid=SM1&MessageStatus=failed&ErrorCode=30005')[0]?.type).to.equal('failed');
    const vonage = (code: string) => run('vonage', { messageId: 'v1', status: 'failed', 'err-code': code, msisdn: '33600000000' })[0]?.type;
    expect(vonage('3'), 'absent subscriber, permanent').to.equal('hard-bounced');
    expect(vonage('9'), 'illegal number').to.equal('hard-bounced');
    expect(vonage('2'), 'absent subscriber, temporary').to.equal('soft-bounced');
    expect(vonage('7'), 'handset busy').to.equal('soft-bounced');
    expect(vonage('99'), 'general error').to.equal('bounced');
    // A rejection is the gateway's block, unless its code says the number can never receive: then the number is at
    // fault (a hard bounce, off the list), not the sender. A passing cause leaves it a block.
    const rejected = (code: string) => run('vonage', { messageId: 'v1', status: 'rejected', 'err-code': code, msisdn: '33600000000' })[0];
    expect(rejected('3')?.type, 'rejected: absent subscriber, permanent').to.equal('hard-bounced');
    expect(rejected('9')?.type, 'rejected: illegal number').to.equal('hard-bounced');
    expect(rejected('9')?.reason).to.equal('invalid-recipient');
    expect(rejected('2')?.type, 'rejected: absent subscriber, temporary').to.equal('blocked');
    expect(rejected('6')?.type, 'rejected: anti-spam').to.equal('blocked');
  });

  it('uses scts, marked, when a Vonage receipt has no message-timestamp', () => {
    const [event] = run('vonage', { messageId: 'v1', status: 'delivered', scts: '2406100901', msisdn: '33600000000' });
    expect(event?.at).to.equal('2024-06-10T09:01:00.000Z');
    expect(event?.timeBasis).to.equal('assumed-utc');
  });
});

describe('normalize: unknown event names are kept, never dropped', () => {
  const cases: readonly [ProviderId, WebhookBody][] = [
    ['sendgrid', [{ event: 'future_event', sg_message_id: 'm', timestamp: 1718010000 }]],
    ['mailjet', { event: 'future_event', MessageID: 'm', time: 1718010000 }],
    ['brevo', { event: 'future_event', 'message-id': 'm', ts_epoch: 1718010000000 }],
    ['mailgun', { 'event-data': { event: 'future_event', timestamp: 1718010000, message: { headers: { 'message-id': 'm' } } } }],
    ['postmark', { RecordType: 'FutureRecord', MessageID: 'm', ReceivedAt: '2024-06-10T09:00:00Z' }],
    ['amazon-ses', { eventType: 'FutureEvent', mail: { messageId: 'm', timestamp: '2024-06-10T09:00:00Z' } }],
    ['twilio', 'MessageSid=m&MessageStatus=future_status&RawDlrDoneDate=2406100900'],
    ['vonage', { messageId: 'm', status: 'future_status', 'message-timestamp': '2024-06-10 09:00:00' }],
    ['sparkpost', [{ msys: { message_event: { type: 'future_event', message_id: 'm', timestamp: '1718010000' } } }]],
    ['resend', { type: 'email.future', created_at: '2024-06-10T09:00:00Z', data: { email_id: 'm' } }],
    ['tipimail', { id: 'm', lastState: 'future_state', lastStateDate: '2024-06-10T09:00:00+0000' }],
  ];
  for (const [provider, body] of cases) {
    it(provider, () => {
      const events = run(provider, body);
      expect(events).to.have.length(1);
      expect(events[0]?.type).to.equal('unknown');
      expect(events[0]?.raw).to.match(/^(?:future_event|future_status|future_state|FutureRecord|FutureEvent|email\.future)$/);
      expect(events[0]?.messageId).to.equal('m');
      expect(events[0]?.at).to.equal('2024-06-10T09:00:00.000Z');
    });
  }

  it('covers every provider', () => {
    expect(cases.map(([p]) => p).sort()).to.deep.equal([...PROVIDERS].sort());
  });

  it('keeps a Postmark bounce type it does not know as unknown, not as a bounce', () => {
    const [event] = run('postmark', { RecordType: 'Bounce', Type: 'NewKind', MessageID: 'm', BouncedAt: '2024-06-10T09:00:00Z' });
    expect(event?.type).to.equal('unknown');
    expect(event?.raw).to.equal('NewKind');
  });
});

describe('normalize: wrong shapes raise ProviderPayloadError with a path', () => {
  const cases: readonly [string, unknown, string, RegExp?][] = [
    ['sendgrid', 'not json at all', '$', /not JSON/],
    ['sendgrid', '[{"event": "delivered",', '$', /not valid JSON/],
    ['sendgrid', '', '$', /empty/],
    ['sendgrid', null, '$'],
    ['sendgrid', 42, '$'],
    ['sendgrid', [{}], '$[0].event', /missing event name/],
    ['sendgrid', [{ event: 'delivered', sg_message_id: 'm' }, { event: { nested: true }, sg_message_id: 'm' }], '$[1].event', /not a string/],
    ['sendgrid', [{ event: 'delivered' }], '$[0].sg_message_id', /message id/],
    ['sendgrid', [{ event: 'delivered', sg_message_id: 'm', timestamp: 'yesterday' }], '$[0].timestamp', /unreadable time/],
    ['sendgrid', ['a string'], '$[0]'],
    ['sendgrid', new URLSearchParams('event=delivered'), '$', /not a form/],
    ['mailjet', { Data: [{ Status: 'sent' }] }, '$.Data[0].ID'],
    ['mailjet', { foo: 1 }, '$.event'],
    ['brevo', { event: 'delivered' }, '$["message-id"]'],
    ['brevo', { msg_status: 'sent', messageId: 1, date: 'someday' }, '$.date'],
    ['mailgun', { signature: { token: 't' } }, '$["event-data"]'],
    ['mailgun', { 'event-data': { event: 'delivered', message: { headers: {} } } }, '$["event-data"].message.headers["message-id"]'],
    ['postmark', {}, '$.RecordType'],
    ['postmark', { RecordType: 'Delivery', MessageID: 'm', DeliveredAt: '10/06/2024' }, '$.DeliveredAt'],
    ['amazon-ses', { Type: 'Notification', MessageId: 'x', Message: '{"eventType":"Delivery"}' }, '$.Message.mail'],
    ['amazon-ses', { Type: 'Notification', MessageId: 'x', Message: 'not json' }, '$.Message'],
    ['amazon-ses', [{ eventType: 'Send', mail: { messageId: 'm' } }, { hello: 'world' }], '$[1].eventType'],
    ['twilio', 'foo=bar', '$.MessageStatus'],
    ['twilio', { specversion: '1.0', data: { messageStatus: 'SENT' } }, '$.data.messageSid'],
    ['vonage', {}, '$.status'],
    ['vonage', { status: 'delivered', messageId: 'v', 'message-timestamp': 'tomorrow' }, '$["message-timestamp"]'],
    ['sparkpost', [{ msys: { message_event: { type: 'delivery' } } }], '$[0].msys.message_event.message_id'],
    ['sparkpost', [{ hello: 1 }], '$[0].msys'],
    ['resend', { type: 'email.sent' }, '$.data'],
    ['tipimail', { event: 'delivered', email: 'a@example.com' }, '$.lastState', /webhook/],
    ['nope', {}, '$', /unknown provider/],
  ];
  for (const [provider, body, path, message] of cases) {
    it(`${provider}: ${path}${message ? ` ${message.source}` : ''}`, () => {
      const error = failure(provider, body);
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal('ProviderPayloadError');
      expect(error.provider).to.equal(provider);
      expect(error.path).to.equal(path);
      if (message) expect(error.message).to.match(message);
    });
  }

  it('quotes offending values shortened, as plain text', () => {
    const error = failure('sendgrid', [{ event: 'delivered', sg_message_id: 'm', timestamp: `<b>${'x'.repeat(500)}</b>` }]);
    expect(error.message.length).to.be.lessThan(200);
    expect(error.message).to.contain('"<b>xxx');
  });
});

describe('normalize: hostile strings pass through as inert text', () => {
  const SCRIPT = '<script>alert(document.cookie)</script>';
  const IMG = '"><img src=x onerror=alert(1)>';

  it('keeps HTML in reasons, URLs, ids and recipients verbatim', () => {
    const [bounce, click] = run('sendgrid', [
      { event: 'bounce', type: 'bounce', sg_message_id: `m${IMG}`, email: SCRIPT, timestamp: 1718010000, reason: `550 5.1.1 ${SCRIPT}`, status: '5.1.1' },
      { event: 'click', sg_message_id: 'm', timestamp: 1718010000, url: 'javascript:alert(1)//<svg onload=alert(1)>' },
    ]);
    expect(bounce?.messageId).to.equal(`m${IMG}`);
    expect(bounce?.recipient).to.equal(SCRIPT);
    expect(bounce?.detail).to.deep.equal({ code: '5.1.1', text: `550 5.1.1 ${SCRIPT}` });
    expect(click?.detail).to.deep.equal({ url: 'javascript:alert(1)//<svg onload=alert(1)>' });
  });

  it('treats prototype-ish words as unknown words, without touching Object.prototype', () => {
    for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const [event] = run('sendgrid', [{ event: word, sg_message_id: 'm', timestamp: 1718010000 }]);
      expect(event?.type, word).to.equal('unknown');
      expect(event?.raw, word).to.equal(word);
    }
    const text = '{"__proto__": {"polluted": true}, "event": "delivered", "sg_message_id": "m", "constructor": {"prototype": {"polluted": true}}}';
    expect(run('sendgrid', text)[0]?.type).to.equal('delivered');
    expect(run('twilio', '__proto__[polluted]=1&MessageSid=m&MessageStatus=sent&constructor=x')[0]?.type).to.equal('sent');
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('never reads a missing field from Object.prototype', () => {
    // A body without `event` but inheriting nothing: `toString` is not an event name.
    expect(failure('sendgrid', [{ sg_message_id: 'm' }]).path).to.equal('$[0].event');
    expect(failure('mailgun', { 'event-data': { event: 'delivered', message: { headers: { constructor: 'x' } } } }).path).to.equal(
      '$["event-data"].message.headers["message-id"]',
    );
  });

  it('keeps control characters, RTL marks and very long texts as they are', () => {
    const weird = `\u202Eevil\u0000\n${'z'.repeat(10_000)}`;
    const [event] = run('mailjet', { event: 'bounce', MessageID: 1, time: 1718010000, hard_bounce: true, comment: weird });
    expect(event?.detail?.text).to.equal(weird);
    expect(event?.reason).to.equal('undetermined');
  });
});

describe('normalize: body forms and options', () => {
  const json = '[{"event":"delivered","sg_message_id":"m","timestamp":1718010000}]';

  it('accepts bytes (Uint8Array, ArrayBuffer) and a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${json}`);
    expect(run('sendgrid', bytes)[0]?.type).to.equal('delivered');
    expect(run('sendgrid', bytes.buffer)[0]?.type).to.equal('delivered');
    expect(run('sendgrid', new DataView(bytes.buffer))[0]?.type).to.equal('delivered');
  });

  it('accepts form text with a leading "?" and Twilio JSON records alike', () => {
    expect(run('twilio', '?MessageSid=SM1&MessageStatus=sent')[0]?.type).to.equal('sent');
    expect(run('twilio', { MessageSid: 'SM1', MessageStatus: 'sent' })[0]?.type).to.equal('sent');
    expect(run('vonage', 'messageId=v1&status=delivered&msisdn=33600000000&message-timestamp=2024-06-10+09%3A01%3A05')).to.deep.equal([
      { provider: 'vonage', channel: 'sms', messageId: 'v1', recipient: '33600000000', type: 'delivered', at: '2024-06-10T09:01:05.000Z', raw: 'delivered' },
    ]);
  });

  it('takes receivedAt as a Date, an ISO string or a Unix time', () => {
    const body = 'MessageSid=SM1&MessageStatus=sent';
    expect(normalize('twilio', body, { receivedAt: new Date(Date.UTC(2024, 5, 10, 9)) })[0]?.at).to.equal('2024-06-10T09:00:00.000Z');
    expect(normalize('twilio', body, { receivedAt: '2024-06-10T11:00:00+02:00' })[0]?.at).to.equal('2024-06-10T09:00:00.000Z');
    expect(normalize('twilio', body, { receivedAt: 1718010000 })[0]?.at).to.equal('2024-06-10T09:00:00.000Z');
    const now = Date.now();
    const at = Date.parse(normalize('twilio', body)[0]?.at ?? '');
    expect(Math.abs(at - now)).to.be.lessThan(60_000);
  });

  it('rejects options that are not times or zones with TypeError / RangeError', () => {
    expect(() => normalize('twilio', 'MessageSid=SM1&MessageStatus=sent', { receivedAt: 'soon' })).to.throw(TypeError);
    expect(() => normalize('twilio', 'MessageSid=SM1&MessageStatus=sent', { receivedAt: new Date(Number.NaN) })).to.throw(TypeError);
    expect(() => normalize('brevo', { msg_status: 'sent', messageId: 1 }, { timeZone: 'Mars/Olympus' })).to.throw(RangeError);
  });

  it('reads Brevo SMS wall-clock dates in the zone given', () => {
    const body = { msg_status: 'delivered', messageId: 1511882900176220, to: '33600000000', date: '2024-06-10 11:00:05' };
    expect(normalize('brevo', body)[0]?.at, 'default Europe/Paris').to.equal('2024-06-10T09:00:05.000Z');
    expect(normalize('brevo', body, { timeZone: 'UTC' })[0]?.at).to.equal('2024-06-10T11:00:05.000Z');
  });
});

describe('normalize: adapter specifics', () => {
  it('SendGrid: a bounce without sg_message_id is asynchronous and keyed on the X-Message-Id in smtp-id', () => {
    const [event] = run('sendgrid', [
      { event: 'bounce', type: 'bounce', 'smtp-id': '<abc@ismtpd>', email: 'a@example.com', timestamp: 1718013600, status: '5.1.1', reason: '550 5.1.1 user unknown' },
    ]);
    expect(event).to.deep.equal({
      provider: 'sendgrid',
      channel: 'email',
      messageId: 'abc',
      recipient: 'a@example.com',
      type: 'hard-bounced',
      at: '2024-06-10T10:00:00.000Z',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: '550 5.1.1 user unknown' },
      async: true,
      raw: 'bounce',
    });
  });

  it('SendGrid: drop reasons give suppressed, invalid, policy, content or quota', () => {
    const drop = (reason: string) => run('sendgrid', [{ event: 'dropped', sg_message_id: 'm', timestamp: 1718010000, reason }])[0]?.reason;
    expect(drop('Unsubscribed Address')).to.equal('suppressed');
    expect(drop('Spam Reporting Address')).to.equal('suppressed');
    expect(drop('Invalid')).to.equal('invalid-recipient');
    expect(drop('Invalid SMTPAPI header')).to.equal('policy');
    expect(drop('Spam Content')).to.equal('content-block');
    expect(drop('Recipient List over Package Quota')).to.equal('quota');
    expect(drop('Something new')).to.equal('undetermined');
  });

  it('Mailjet: a spam-related bounce is a block; a bounce without flag is a bounce', () => {
    const bounce = (extra: object) => run('mailjet', { event: 'bounce', MessageID: 1, time: 1718010000, ...extra })[0];
    const spam = bounce({ hard_bounce: false, error_related_to: 'spam', error: 'sender blocked', comment: '554 5.7.1 rejected' });
    expect(spam?.type).to.equal('blocked');
    expect(spam?.reason).to.equal('reputation-block');
    expect(bounce({})?.type).to.equal('bounced');
    expect(bounce({ hard_bounce: false, error: 'quota exceeded' })?.reason).to.equal('mailbox-full');
  });

  it('Mailjet: Message API items and SMS items, in their response wrappers', () => {
    const messages = run('mailjet', '{"Count":2,"Data":[{"ID":19421777835146493,"Status":"softbounced","ArrivedAt":"2024-06-10T09:00:00Z"},{"ID":2,"Status":"unsub","ArrivedAt":"2024-06-10T09:00:00Z"}],"Total":2}');
    expect(messages.map((e) => [e.messageId, e.type])).to.deep.equal([
      ['19421777835146493', 'soft-bounced'],
      ['2', 'delivered'],
      ['2', 'unsubscribed'],
    ]);
    expect(messages[0]?.reason).to.equal('undetermined');
    const [sms] = run('mailjet', {
      Data: [{ To: '+33600000000', Status: { Code: 15, Name: 'rejected_insufficent_funds', Description: 'Insufficient funds' }, MessageId: 's1', CreationTS: 1718010000 }],
    });
    expect(sms).to.deep.equal({
      provider: 'mailjet',
      channel: 'sms',
      messageId: 's1',
      recipient: '+33600000000',
      type: 'dropped',
      at: RECEIVED,
      timeBasis: 'received',
      eventId: 's1#rejected_insufficent_funds',
      reason: 'quota',
      detail: { code: '15', text: 'Insufficient funds' },
      raw: 'rejected_insufficent_funds',
    });
  });

  it('Mailjet: a Message API item gives its reason by StateID, and StatePermanent makes a bounce hard', () => {
    // node-mailjet Message.ts: StateID is the error table by number (1 UserUnknown, 3 QuotaExceeded, 15
    // DuplicateInCampaign); StatePermanent says whether that state is permanent.
    const poll = (item: object) => run('mailjet', { Data: [{ ID: 7, ArrivedAt: '2024-06-10T09:00:00Z', ...item }] });
    expect(poll({ Status: 'bounce', StateID: 1, StatePermanent: true })).to.deep.equal([
      {
        provider: 'mailjet',
        channel: 'email',
        messageId: '7',
        type: 'hard-bounced',
        at: RECEIVED,
        timeBasis: 'received',
        eventId: '7#bounce',
        reason: 'invalid-recipient',
        raw: 'bounce',
      },
    ]);
    // StatePermanent false is a soft bounce, as the Event API's hard_bounce false is.
    expect(types(poll({ Status: 'bounce', StateID: 3, StatePermanent: false }))).to.deep.equal(['soft-bounced']);
    expect(poll({ Status: 'bounce', StateID: 3, StatePermanent: false })[0]?.reason).to.equal('mailbox-full');
    expect(types(poll({ Status: 'bounce', StateID: 10, StatePermanent: false }))).to.deep.equal(['soft-bounced']);
    // Without StatePermanent, the state decides when it says (a full mailbox is soft), else the kind stays unknown.
    expect(types(poll({ Status: 'bounce', StateID: 3 }))).to.deep.equal(['soft-bounced']);
    expect(types(poll({ Status: 'bounce', StateID: 10 }))).to.deep.equal(['bounced']);
    expect(poll({ Status: 'blocked', StateID: 15, StatePermanent: false })[0]?.reason).to.equal('duplicate');
    expect(poll({ Status: 'blocked', StateID: 14 })[0]?.reason).to.equal('suppressed');
    expect(poll({ Status: 'hardbounced', StateID: 2, StatePermanent: true })[0]?.reason).to.equal('invalid-recipient');
    expect(poll({ Status: 'deferred', StateID: 13 })[0]?.reason).to.equal('policy');
    // No state: as before.
    expect(poll({ Status: 'softbounced', StateID: 0 })[0]?.reason).to.equal('undetermined');
  });

  it('Mailjet: a polled bounce is hard or soft as the webhook said it, StatePermanent reading as hard_bounce', () => {
    // The research samples bounce_hard (hard_bounce true, "user unknown") and bounce_soft (hard_bounce false,
    // "greylisted"), then the Message API item a poll gives for the same bounce: StateID is the error by number
    // (node-mailjet MessageState: 1 UserUnknown, 13 GreyListed), StatePermanent the flag.
    const [hardEvent] = run('mailjet', mailjetSamples.bounce_hard);
    const [softEvent] = run('mailjet', mailjetSamples.bounce_soft);
    expect([hardEvent?.type, hardEvent?.reason]).to.deep.equal(['hard-bounced', 'invalid-recipient']);
    expect([softEvent?.type, softEvent?.reason]).to.deep.equal(['soft-bounced', 'policy']);
    const poll = (item: object) => run('mailjet', { Data: [{ ID: 7, Status: 'bounce', ...item }] }).map((e) => [e.type, e.reason]);
    expect(poll({ StateID: 1, StatePermanent: true })).to.deep.equal([['hard-bounced', 'invalid-recipient']]);
    expect(poll({ StateID: 13, StatePermanent: false })).to.deep.equal([['soft-bounced', 'policy']]);
    // Mailjet's "not permanent" wins over a state that sounds permanent, on both APIs: a soft bounce, the address kept.
    const webhook = run('mailjet', { event: 'bounce', MessageID: 7, time: 1718010000, hard_bounce: false, error: 'user unknown' });
    expect(webhook.map((e) => [e.type, e.reason])).to.deep.equal([['soft-bounced', 'invalid-recipient']]);
    expect(poll({ StateID: 1, StatePermanent: false })).to.deep.equal([['soft-bounced', 'invalid-recipient']]);
    // Text flags, as a back-end that re-encodes the body may send them, read the same.
    expect(poll({ StateID: 1, StatePermanent: 'false' })).to.deep.equal([['soft-bounced', 'invalid-recipient']]);
    const textFlag = mailjetSamples.bounce_hard.replace('"hard_bounce": true', '"hard_bounce": "true"');
    expect(textFlag).to.include('"hard_bounce": "true"');
    expect(run('mailjet', textFlag).map((e) => e.type)).to.deep.equal(['hard-bounced']);
  });

  it('Mailjet: a polled bounce with a spam-related state (7–9) is a block, as the webhook of the same bounce says', () => {
    // node-mailjet MessageState: 7 SenderBlocked, 8 ContentBlocked, 9 PolicyIssue, the Event API's errors "sender
    // blocked", "content blocked" and "policy issue", which it gives with error_related_to "spam".
    const webhook = (error: string, hard_bounce: boolean) =>
      run('mailjet', { event: 'bounce', MessageID: 7, time: 1718010000, hard_bounce, error_related_to: 'spam', error }).map((e) => [e.type, e.reason]);
    const poll = (item: object) => run('mailjet', { Data: [{ ID: 7, ...item }] }).map((e) => [e.type, e.reason]);
    expect(webhook('sender blocked', true)).to.deep.equal([['blocked', 'reputation-block']]);
    expect(webhook('content blocked', false)).to.deep.equal([['blocked', 'content-block']]);
    expect(webhook('policy issue', true)).to.deep.equal([['blocked', 'policy']]);
    expect(poll({ Status: 'bounce', StateID: 7, StatePermanent: true })).to.deep.equal([['blocked', 'reputation-block']]);
    expect(poll({ Status: 'bounce', StateID: 8, StatePermanent: false })).to.deep.equal([['blocked', 'content-block']]);
    expect(poll({ Status: 'bounce', StateID: '9' })).to.deep.equal([['blocked', 'policy']]);
    expect(poll({ Status: 'hardbounced', StateID: 7, StatePermanent: true })).to.deep.equal([['blocked', 'reputation-block']]);
    expect(poll({ Status: 'softbounced', StateID: 8 })).to.deep.equal([['blocked', 'content-block']]);
    // Other states keep the bounce's kind; a state 16 (SpamPreBlocked) on a block is a suppressed address.
    expect(poll({ Status: 'bounce', StateID: 6, StatePermanent: true })).to.deep.equal([['hard-bounced', 'policy']]);
    expect(poll({ Status: 'hardbounced', StateID: 10 })).to.deep.equal([['hard-bounced', 'undetermined']]);
    expect(poll({ Status: 'blocked', StateID: 16 })).to.deep.equal([['dropped', 'suppressed']]);
  });

  it('Mailjet: an Event API bounce without hard_bounce is hard or soft when its error word says so', () => {
    const bounce = (error: string) => run('mailjet', { event: 'bounce', MessageID: 1, time: 1718010000, error })[0]?.type;
    expect(bounce('user unknown')).to.equal('hard-bounced');
    expect(bounce('quota exceeded')).to.equal('soft-bounced');
    expect(bounce('greylisted')).to.equal('soft-bounced');
    expect(bounce('system issue')).to.equal('bounced');
  });

  it('Mailjet: an SMS item giving only Status.Code maps by the code table (0–16), keeping the code as its raw word', () => {
    const sms = (Status: object) => run('mailjet', { To: '+33600000000', Status, MessageId: 's2', SentTS: 1718010002 })[0];
    const delivered = sms({ Code: 3 });
    expect([delivered?.type, delivered?.raw]).to.deep.equal(['delivered', '3']);
    const invalid = sms({ Code: 14, Description: 'Invalid phone number' });
    expect([invalid?.type, invalid?.reason, invalid?.detail]).to.deep.equal(['dropped', 'invalid-recipient', { code: '14', text: 'Invalid phone number' }]);
    const byCode = [...Array(17).keys()].map((code) => sms({ Code: code })?.type);
    const byName = ['unknown', 'sent_pending', 'sent', 'delivered', 'rejected_operator', 'rejected_undelivered', 'rejected_expired',
      'rejected_incorrect_delivery', 'rejected_network', 'rejected_dnd', 'rejected_from_blacklist', 'rejected_to_blacklist',
      'rejected_anti_flood', 'rejected_system_error', 'invalid_phone_number', 'rejected_insufficent_funds', 'rejected_daily_limit_reached',
    ].map((Name) => sms({ Name })?.type);
    expect(byCode).to.deep.equal(byName);
    expect(byCode.filter((type) => type === 'unknown')).to.have.length(1); // code 0 only
    // The name wins over the code when both are given; a code outside the table stays an unknown word.
    expect(sms({ Code: 3, Name: 'rejected_expired' })?.type).to.equal('expired');
    expect([sms({ Code: 99 })?.type, sms({ Code: 99 })?.raw]).to.deep.equal(['unknown', '99']);
  });

  it('dates a polled current status (Mailjet Message API and SMS, Resend last_event, Tipimail lastState without date) when it was polled, so a later poll wins', () => {
    const poll = (provider: ProviderId, body: object, receivedAt: string) => normalize(provider, body, { receivedAt });
    const polls = {
      mailjet: (status: string) => ({ Data: [{ ID: '19421777835146490', Status: status, ArrivedAt: '2024-06-10T09:00:00Z' }] }),
      sms: (status: string) => ({ Data: [{ MessageId: 's3', To: '+33600000000', Status: { Name: status }, CreationTS: 1718010000, SentTS: 1718010002 }] }),
      resend: (status: string) => ({ object: 'email', id: 'r3', created_at: '2024-06-10T09:00:00.000Z', last_event: status }),
      tipimail: (status: string) => ({ id: 't4', lastState: status, createdDate: '2024-06-10T09:00:00.000+0000' }),
    };
    const cases = [
      ['mailjet', polls.mailjet, 'softbounced', 'sent', 'delivered'],
      ['mailjet', polls.sms, 'sent', 'delivered', 'delivered'],
      ['mailjet', polls.sms, 'sent_pending', 'rejected_expired', 'expired'],
      ['resend', polls.resend, 'delivery_delayed', 'delivered', 'delivered'],
      ['tipimail', polls.tipimail, 'softbounced', 'delivered', 'delivered'],
    ] as const;
    for (const [provider, body, before, after, expected] of cases) {
      const first = poll(provider, body(before), '2024-06-10T09:05:00.000Z');
      const second = poll(provider, body(after), '2024-06-10T10:00:00.000Z');
      expect(first.map((e) => [e.at, e.timeBasis]), `${before}`).to.deep.equal(first.map(() => ['2024-06-10T09:05:00.000Z', 'received']));
      const status = reduceEvents([...second, ...first]);
      expect([status.delivery, status.updatedAt, status.asyncBounce], `${provider} ${before} then ${after}`).to.deep.equal([expected, '2024-06-10T10:00:00.000Z', undefined]);
    }
  });

  it('keeps the first poll of a status when the same status is polled again (one event, one open)', () => {
    const poll = (status: string, receivedAt: string) => normalize('mailjet', { Data: [{ ID: '7', Status: status, ArrivedAt: '2024-06-10T09:00:00Z' }] }, { receivedAt });
    const events = [...poll('opened', '2024-06-10T09:05:00Z'), ...poll('opened', '2024-06-10T09:10:00Z'), ...poll('opened', '2024-06-10T09:15:00Z')];
    const status = reduceEvents(events);
    expect([status.delivery, status.display, status.engagement.opened?.count, status.updatedAt]).to.deep.equal(['delivered', 'opened', 1, '2024-06-10T09:05:00.000Z']);
    expect(aggregate(events)).to.include({ delivered: 1, opened: 1, openedTotal: 1 });
  });

  it('Mailgun: bots are automated; SMTP blocks and soft failures are told apart from hard bounces', () => {
    const item = (extra: object) => ({ 'event-data': { timestamp: 1718010000, message: { headers: { 'message-id': 'm' } }, ...extra } });
    expect(run('mailgun', item({ event: 'opened', 'client-info': { bot: 'apple' } }))[0]?.automated).to.equal(true);
    expect(run('mailgun', item({ event: 'clicked', 'client-info': { bot: 'generic' }, url: 'https://x' }))[0]?.automated).to.equal(true);
    const blocked = run('mailgun', item({ event: 'failed', severity: 'permanent', reason: 'generic', 'delivery-status': { code: 554, 'enhanced-code': '5.7.1', message: 'Message rejected as spam' } }))[0];
    expect([blocked?.type, blocked?.reason]).to.deep.equal(['blocked', 'content-block']);
    const full = run('mailgun', item({ event: 'failed', severity: 'permanent', reason: 'generic', 'delivery-status': { code: 552, 'enhanced-code': '5.2.2', message: 'Mailbox full' } }))[0];
    expect([full?.type, full?.reason]).to.deep.equal(['soft-bounced', 'mailbox-full']);
  });

  it('Mailgun: reads Events API pages', () => {
    const page = { items: [{ event: 'accepted', timestamp: 1718010000, message: { headers: { 'message-id': 'm' } } }, { event: 'delivered', timestamp: 1718010001, message: { headers: { 'message-id': 'm' } } }], paging: {} };
    expect(types(run('mailgun', page))).to.deep.equal(['queued', 'delivered']);
  });

  it('Postmark: informational bounce types change nothing; Bounce API objects are read without RecordType', () => {
    expect(run('postmark', { RecordType: 'Bounce', Type: 'AutoResponder', MessageID: 'm', BouncedAt: '2024-06-10T09:00:00Z' })[0]?.type).to.equal('unknown');
    const [api] = run('postmark', { Bounces: [{ ID: 7, Type: 'ManuallyDeactivated', MessageID: 'm', Email: 'a@example.com', BouncedAt: '2024-06-10T09:00:00Z' }] });
    expect(api).to.deep.equal({ provider: 'postmark', channel: 'email', messageId: 'm', recipient: 'a@example.com', type: 'dropped', at: '2024-06-10T09:00:00.000Z', eventId: '7', reason: 'suppressed', raw: 'ManuallyDeactivated' });
  });

  it('Amazon SES: fans multi-recipient records out, with distinct event ids', () => {
    const events = run('amazon-ses', {
      Type: 'Notification',
      MessageId: 'sns-9',
      Message: JSON.stringify({
        eventType: 'Bounce',
        mail: { messageId: 'ses-2', timestamp: '2024-06-10T09:00:00Z', destination: ['a@example.com', 'b@example.com'] },
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'NoEmail',
          timestamp: '2024-06-10T09:00:03Z',
          feedbackId: 'fb',
          bouncedRecipients: [{ emailAddress: 'a@example.com', status: '5.1.1' }, { emailAddress: 'b@example.com', status: '5.1.1' }],
        },
      }),
    });
    expect(events.map((e) => [e.recipient, e.eventId, e.type, e.reason])).to.deep.equal([
      ['a@example.com', 'sns-9#a@example.com', 'hard-bounced', 'invalid-recipient'],
      ['b@example.com', 'sns-9#b@example.com', 'hard-bounced', 'invalid-recipient'],
    ]);
  });

  it('Amazon SES: an open or unsubscribe of a message to several addresses names no one, proves no one\'s delivery and counts once', () => {
    const mail = { messageId: 'ses-5', timestamp: '2024-06-10T09:00:00.000Z', destination: ['alice@example.com', 'bob@example.com', 'carol@example.com'] };
    const events = [
      ...run('amazon-ses', { eventType: 'Send', mail, send: {} }),
      ...run('amazon-ses', { eventType: 'Delivery', mail, delivery: { timestamp: '2024-06-10T09:00:02.000Z', recipients: ['alice@example.com', 'carol@example.com'] } }),
      ...run('amazon-ses', { eventType: 'Bounce', mail, bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', timestamp: '2024-06-10T21:00:00.000Z', bouncedRecipients: [{ emailAddress: 'bob@example.com' }] } }),
      ...run('amazon-ses', { eventType: 'Open', mail, open: { timestamp: '2024-06-11T08:00:00.000Z', userAgent: 'x' } }),
      ...run('amazon-ses', { eventType: 'Subscription', mail, subscription: { timestamp: '2024-06-11T08:01:00.000Z', newTopicPreferences: { unsubscribeAll: true } } }),
    ];
    expect(events.filter((e) => e.type === 'opened' || e.type === 'unsubscribed').map((e) => e.recipient)).to.deep.equal([undefined, undefined]);
    const bob = reduceEvents(events, { recipient: 'bob@example.com' });
    expect([bob.delivery, bob.display, bob.deliveryInferred]).to.deep.equal(['soft-bounced', 'soft-bounced', undefined]);
    expect(aggregate(events)).to.include({ sent: 3, delivered: 2, softBounced: 1, opened: 1, openedTotal: 1, unsubscribed: 1 });
    // With one destination, SES's open is that recipient's, as before.
    const one = { ...mail, messageId: 'ses-6', destination: ['alice@example.com'] };
    const single = [...run('amazon-ses', { eventType: 'Send', mail: one, send: {} }), ...run('amazon-ses', { eventType: 'Open', mail: one, open: { timestamp: '2024-06-11T08:00:00.000Z' } })];
    expect(single.map((e) => e.recipient)).to.deep.equal(['alice@example.com', 'alice@example.com']);
    expect(reduceEvents(single)).to.include({ delivery: 'delivered', display: 'opened', deliveryInferred: true });
  });

  it('Amazon SES: confirmations give nothing; EventBridge and identity notifications are read', () => {
    expect(run('amazon-ses', { Type: 'SubscriptionConfirmation', SubscribeURL: 'https://sns.example' })).to.deep.equal([]);
    expect(run('amazon-ses', { notificationType: 'AmazonSnsSubscriptionSucceeded', message: 'ok' })).to.deep.equal([]);
    const mail = { messageId: 'ses-3', timestamp: '2024-06-10T09:00:00Z', destination: ['a@example.com'] };
    const [bridge] = run('amazon-ses', { 'detail-type': 'Email Delivered', id: 'eb-1', detail: { eventType: 'Delivery', mail, delivery: { timestamp: '2024-06-10T09:00:01Z' } } });
    expect([bridge?.type, bridge?.eventId]).to.deep.equal(['delivered', 'eb-1']);
    const [identity] = run('amazon-ses', { notificationType: 'Complaint', mail, complaint: { timestamp: '2024-06-10T10:00:00Z', feedbackId: 'f', complainedRecipients: [{ emailAddress: 'a@example.com' }] } });
    expect([identity?.type, identity?.eventId]).to.deep.equal(['complained', 'f']);
  });

  it('Amazon SES: a not-spam report is no complaint; an on-account-suppressed complaint is a drop', () => {
    const mail = { messageId: 'ses-4', timestamp: '2024-06-10T09:00:00Z', destination: ['a@example.com'] };
    const complaint = (extra: object) => run('amazon-ses', { eventType: 'Complaint', mail, complaint: { timestamp: '2024-06-10T10:00:00Z', ...extra } })[0];
    expect(complaint({ complaintFeedbackType: 'not-spam' })?.type).to.equal('unknown');
    expect(complaint({ complaintSubType: 'OnAccountSuppressionList' })?.type).to.equal('dropped');
    expect(complaint({ complaintSubType: 'OnAccountSuppressionList' })?.reason).to.equal('suppressed');
  });

  it('Twilio: Event Streams batches, REST resources, and WhatsApp read receipts', () => {
    const cloud = (status: string, id: string) => ({ specversion: '1.0', id, type: 'com.twilio.messaging.message.x', data: { messageSid: 'SM1', messageStatus: status, timestamp: '2024-06-10T09:00:00.000Z', errorCode: status === 'UNDELIVERED' ? 30005 : undefined } });
    const events = run('twilio', [cloud('SENT', 'e1'), cloud('UNDELIVERED', 'e2')]);
    expect(events.map((e) => [e.type, e.eventId, e.reason])).to.deep.equal([
      ['sent', 'e1', undefined],
      ['hard-bounced', 'e2', 'invalid-recipient'],
    ]);
    const [resource] = run('twilio', { sid: 'SM2', status: 'failed', to: '+33600000000', error_code: 30007, error_message: 'Carrier violation', date_updated: 'Mon, 10 Jun 2024 09:01:01 +0000' });
    expect(resource).to.deep.equal({
      provider: 'twilio',
      channel: 'sms',
      messageId: 'SM2',
      recipient: '+33600000000',
      type: 'failed',
      at: '2024-06-10T09:01:01.000Z',
      reason: 'content-block',
      detail: { code: '30007', text: 'Carrier violation' },
      raw: 'failed',
    });
  });

  it('Vonage: Messages API status webhooks', () => {
    const [event] = run('vonage', { message_uuid: 'u1', to: '33600000000', timestamp: '2024-06-10T09:00:00.000Z', status: 'rejected', error: { title: 1020, detail: 'Invalid params' } });
    expect(event).to.deep.equal({
      provider: 'vonage',
      channel: 'sms',
      messageId: 'u1',
      recipient: '33600000000',
      type: 'blocked',
      at: '2024-06-10T09:00:00.000Z',
      reason: 'policy',
      detail: { code: '1020', text: 'Invalid params' },
      raw: 'rejected',
    });
  });

  it('Vonage: a Messages API undeliverable is a sending failure, not a bounce by the carrier', () => {
    // developer.vonage.com messages/concepts/messages-status-callbacks: `undeliverable` means the Messages API could
    // not reach the messaging provider (an outage): the message never got to a carrier that could refuse it.
    const [event] = run('vonage', { message_uuid: 'u2', to: '33600000000', timestamp: '2024-06-10T09:00:00.000Z', status: 'undeliverable' });
    expect([event?.type, event?.reason]).to.deep.equal(['failed', 'carrier']);
  });

  it('SparkPost: out-of-band bounces follow the bounce class; delays take its reason', () => {
    const event = (type: string, bounce_class: string) => run('sparkpost', [{ msys: { message_event: { type, bounce_class, message_id: 'm', timestamp: '1718010000' } } }])[0];
    const block = event('out_of_band', '51');
    expect([block?.type, block?.reason, block?.async]).to.deep.equal(['blocked', 'reputation-block', true]);
    const full = event('delay', '22');
    expect([full?.type, full?.reason]).to.deep.equal(['deferred', 'mailbox-full']);
    const informational = event('bounce', '60');
    expect(informational?.type).to.equal('unknown');
    const noClass = event('out_of_band', '999');
    expect([noClass?.type, noClass?.async]).to.deep.equal(['bounced', true]);
  });

  it('SparkPost: a send to a suppressed recipient is a suppression whether it comes as a policy rejection or as a class 25 bounce', () => {
    // SparkPost support-docs faq/suppression-timing.md: a send to a recipient on the suppression list ends in an
    // "Admin Failure" (bounce class 25) whose reason says the address was suppressed due to customer policy.
    const read = (type: string, extra: object) =>
      run('sparkpost', [{ msys: { message_event: { type, message_id: 'm', timestamp: '1718010000', ...extra } } }]).map((e) => [e.type, e.reason]);
    const suppressed = '554 5.7.1 recipient address was suppressed due to customer policy (Bounce Rule)';
    expect(read('policy_rejection', { reason: suppressed })).to.deep.equal([['dropped', 'suppressed']]);
    expect(read('bounce', { bounce_class: '25', raw_reason: suppressed })).to.deep.equal([['dropped', 'suppressed']]);
    // Another of SparkPost's policies (no suppression named) stays a policy refusal.
    expect(read('bounce', { bounce_class: '25', raw_reason: '554 5.7.1 [internal] message rejected by policy' })).to.deep.equal([['dropped', 'policy']]);
  });

  it('Resend: last_event statuses, several recipients, non-message webhooks', () => {
    const events = run('resend', { object: 'email', id: 'r1', to: ['a@example.com', 'b@example.com'], created_at: '2024-06-10T09:00:00.000Z', last_event: 'clicked' });
    expect(events).to.deep.equal([
      { provider: 'resend', channel: 'email', messageId: 'r1', type: 'delivered', at: RECEIVED, timeBasis: 'received', eventId: 'r1#clicked#delivered', raw: 'clicked' },
      { provider: 'resend', channel: 'email', messageId: 'r1', type: 'clicked', at: RECEIVED, timeBasis: 'received', eventId: 'r1#clicked', raw: 'clicked' },
    ]);
    expect(run('resend', { type: 'contact.created', created_at: '2024-06-10T09:00:00Z', data: { id: 'c1' } })).to.deep.equal([]);
    const [suppressedBounce] = run('resend', { type: 'email.bounced', created_at: '2024-06-10T09:00:00Z', data: { email_id: 'r2', bounce: { type: 'Permanent', subType: 'Suppressed', message: 'suppressed' } } });
    expect([suppressedBounce?.type, suppressedBounce?.reason]).to.deep.equal(['dropped', 'suppressed']);
  });

  it('Resend: a bounce sub-type says the reason, as it does for the same sub-type from Amazon SES', () => {
    // resend.com docs dashboard/emails/email-bounces lists SES's sub-types with SES's meanings (MailboxFull: the inbox
    // was full; MessageTooLarge: the message was too large; ContentRejected, AttachmentRejected: content refused).
    const resend = (type: string, subType: string) =>
      run('resend', { type: 'email.bounced', created_at: '2024-06-10T09:00:00Z', data: { email_id: 'r3', bounce: { type, subType, message: 'bounced' } } }).map((e) => [e.type, e.reason]);
    const ses = (bounceType: string, bounceSubType: string) =>
      run('amazon-ses', {
        eventType: 'Bounce',
        mail: { messageId: 'm', timestamp: '2024-06-10T09:00:00.000Z', destination: ['a@example.com'] },
        bounce: { bounceType, bounceSubType, bouncedRecipients: [{ emailAddress: 'a@example.com' }], timestamp: '2024-06-10T09:00:01.000Z' },
      }).map((e) => [e.type, e.reason]);
    expect(resend('Transient', 'MailboxFull')).to.deep.equal([['soft-bounced', 'mailbox-full']]);
    expect(resend('Transient', 'MessageTooLarge')).to.deep.equal([['soft-bounced', 'message-too-large']]);
    expect(resend('Transient', 'MailboxFull')).to.deep.equal(ses('Transient', 'MailboxFull'));
    expect(resend('Transient', 'MessageTooLarge')).to.deep.equal(ses('Transient', 'MessageTooLarge'));
    // Resend files these under Transient; as from SES, a refused content is a block (the message, not the address).
    expect(resend('Transient', 'ContentRejected')).to.deep.equal([['blocked', 'content-block']]);
    expect(resend('Transient', 'ContentRejected')).to.deep.equal(ses('Transient', 'ContentRejected'));
    expect(resend('Transient', 'AttachmentRejected')).to.deep.equal(ses('Transient', 'AttachmentRejected'));
  });

  it('Tipimail: engagement states imply the delivery; reasons come from the SMTP text', () => {
    expect(types(run('tipimail', [{ id: 't1', lastState: 'read', lastStateDate: '2024-06-10T09:00:00.000+0000' }]))).to.deep.equal(['delivered', 'read']);
    const [bounce] = run('tipimail', { id: 't2', lastState: 'softbounced', createdDate: '2024-06-10T09:00:00.000+0000', reason: '452 4.2.2 Mailbox full' });
    expect(bounce).to.deep.equal({
      provider: 'tipimail',
      channel: 'email',
      messageId: 't2',
      type: 'soft-bounced',
      at: RECEIVED,
      timeBasis: 'received',
      eventId: 't2#softbounced',
      reason: 'mailbox-full',
      detail: { code: '4.2.2', text: '452 4.2.2 Mailbox full' },
      raw: 'softbounced',
    });
    expect(run('tipimail', { id: 't3', lastState: 'filtered', lastStateDate: '2024-06-10T09:00:00.000+0000' })[0]?.reason).to.equal('suppressed');
  });
});
