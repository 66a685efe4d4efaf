import { expect } from '../support/expect.js';
import { classifySmtp } from '../../src/core/index.js';

describe('classifySmtp', () => {
  const table: [string | undefined, string | undefined, string, string][] = [
    // enhanced codes: subject and detail decide
    ['5.1.1', undefined, 'hard', 'invalid-recipient'],
    ['550 5.1.1', 'The email account that you tried to reach does not exist', 'hard', 'invalid-recipient'],
    ['5.1.2', undefined, 'hard', 'domain-or-dns'],
    ['4.1.1', undefined, 'soft', 'invalid-recipient'],
    ['5.2.2', 'mailbox full', 'soft', 'mailbox-full'],
    ['4.2.2', undefined, 'soft', 'mailbox-full'],
    ['5.2.3', undefined, 'soft', 'message-too-large'],
    ['5.3.4', undefined, 'soft', 'message-too-large'],
    ['4.4.7', undefined, 'soft', 'timeout'],
    ['5.4.7', 'delivery time expired', 'soft', 'timeout'],
    ['5.4.4', undefined, 'hard', 'domain-or-dns'],
    ['5.7.1', 'Message rejected due to local policy', 'block', 'policy'],
    ['5.7.1', 'Service unavailable; client host blocked using Spamhaus', 'block', 'reputation-block'],
    ['5.7.1', 'Our system has detected that this message is likely spam', 'block', 'content-block'],
    ['4.7.1', 'Greylisted, please try again later', 'soft', 'policy'],
    ['4.0.0', undefined, 'soft', 'undetermined'],
    ['5.0.0', undefined, 'hard', 'undetermined'],
    // generic codes: the text decides
    ['5.0.0', 'mailbox is full', 'soft', 'mailbox-full'],
    ['550', 'Requested action not taken: mailbox unavailable', 'hard', 'invalid-recipient'],
    ['550', 'IP address listed on a blocklist', 'block', 'reputation-block'],
    ['554', undefined, 'block', 'policy'],
    ['552', undefined, 'soft', 'mailbox-full'],
    ['421', undefined, 'soft', 'timeout'],
    ['451', 'temporary local problem', 'soft', 'policy'],
    ['450', 'user unknown', 'soft', 'invalid-recipient'],
    // no code: the text alone, or the code inside the text
    [undefined, '550 5.1.1 <x@example.com>: Recipient address rejected: User unknown', 'hard', 'invalid-recipient'],
    [undefined, 'Host or domain name not found. Name service error for name=example.invalid', 'hard', 'domain-or-dns'],
    [undefined, 'Connection timed out', 'soft', 'timeout'],
    [undefined, 'too many messages, rate limit exceeded', 'soft', 'quota'],
    [undefined, 'something odd happened', 'unknown', 'undetermined'],
    [undefined, undefined, 'unknown', 'undetermined'],
    ['250', 'OK', 'unknown', 'undetermined'],
    ['garbage', '<script>alert(1)</script>', 'unknown', 'undetermined'],
  ];
  for (const [code, text, permanence, reason] of table) {
    it(`classifies ${code ?? '(no code)'} ${text ? `"${text.slice(0, 40)}"` : ''} as ${permanence} ${reason}`, () => {
      expect(classifySmtp(code, text)).to.deep.equal({ permanence, reason });
    });
  }

  it('accepts a numeric code and a null text', () => {
    expect(classifySmtp(550, null)).to.deep.equal({ permanence: 'hard', reason: 'invalid-recipient' });
  });

  it('reads only the start of a huge diagnostic', () => {
    const huge = `${'x'.repeat(100_000)} mailbox full`;
    expect(classifySmtp(undefined, huge)).to.deep.equal({ permanence: 'unknown', reason: 'undetermined' });
  });
});
