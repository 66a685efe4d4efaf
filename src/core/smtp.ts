import type { FailureReason } from './statuses.js';

/**
 * How lasting a failure is: `hard` (the address is at fault, stop sending to it), `soft` (temporary, a retry
 * may work), `block` (the receiver refused the sender or the content; the address itself is fine), `unknown`.
 */
export type Permanence = 'hard' | 'soft' | 'block' | 'unknown';

/** What {@link classifySmtp} makes of an SMTP reply: how permanent, and why (when it can tell). */
export interface SmtpClassification {
  readonly permanence: Permanence;
  readonly reason: FailureReason;
}

// RFC 3463 enhanced code (class.subject.detail), anywhere in the string: "5.1.1", "#5.7.1", "(4.4.7)".
const ENHANCED = /(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
// RFC 5321 basic reply code at the start, or standing alone in the text.
const BASIC = /(?:^|[^\d.])([245])(\d)(\d)(?![\d.])/;

// Diagnostic wording, in the order it is tried: the first match decides.
// Servers word things freely and codes are applied inconsistently, so text beats a generic code.
const TEXT_RULES: readonly [RegExp, Permanence, FailureReason][] = [
  [/mailbox (?:is )?full|over ?quota|quota exceeded|exceeded (?:the )?storage|insufficient (?:system )?storage|mailbox size limit/i, 'soft', 'mailbox-full'],
  [/(?:message|mail) (?:is )?too (?:large|big)|size (?:limit )?exceed|exceeds? (?:the )?(?:maximum )?(?:message )?size/i, 'soft', 'message-too-large'],
  [/spamhaus|blacklist|blocklist|block list|black list|\brbl\b|dnsbl|reputation|poor sender|ip (?:address )?(?:is )?(?:listed|blocked)|listed (?:on|at|in)/i, 'block', 'reputation-block'],
  [/\bspam\b|\bvirus\b|malware|phishing|content (?:rejected|refused|blocked)|message content|suspicious|unsolicited/i, 'block', 'content-block'],
  [/dmarc|\bspf\b|\bdkim\b|policy|not authori[sz]ed|relay(?:ing)? (?:denied|not permitted)|access denied/i, 'block', 'policy'],
  [/greylist|graylist|try (?:again )?later|temporar/i, 'soft', 'policy'],
  [/rate limit|too many (?:messages|connections|recipients)|throttl|sending quota|daily (?:sending )?limit/i, 'soft', 'quota'],
  [/user unknown|unknown user|no such (?:user|mailbox|recipient)|does not exist|doesn't exist|invalid (?:recipient|mailbox|address)|recipient (?:address )?rejected|address rejected|mailbox (?:unavailable|not found|disabled)|account (?:is )?(?:disabled|inactive|suspended)|not a valid/i, 'hard', 'invalid-recipient'],
  [/\bdns\b|no mx|mx record|domain (?:name )?(?:not found|does not exist)|host (?:or domain name )?(?:not found|unknown)|name service error|unrout|name or service not known|nxdomain/i, 'hard', 'domain-or-dns'],
  [/time(?:d)? ?out|expired|connection (?:refused|lost|reset)|no answer/i, 'soft', 'timeout'],
];

const fromText = (text: string | undefined): SmtpClassification | undefined => {
  if (!text) return undefined;
  // Diagnostics are untrusted and may be huge; the meaningful part is at the start.
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  for (const [pattern, permanence, reason] of TEXT_RULES) if (pattern.test(head)) return { permanence, reason };
  return undefined;
};

const byClass = (klass: string, reason: FailureReason = 'undetermined'): SmtpClassification =>
  ({ permanence: klass === '5' ? 'hard' : klass === '4' ? 'soft' : 'unknown', reason });

/** Enhanced code: subject and detail decide, class says how lasting. Undefined when the code is generic. */
const fromEnhanced = (klass: string, subject: number, detail: number, text: string | undefined): SmtpClassification | undefined => {
  if (klass === '2') return { permanence: 'unknown', reason: 'undetermined' };
  switch (subject) {
    case 1:
      if (detail === 2) return byClass(klass, 'domain-or-dns');
      // x.1.0 "other address status" is too vague to blame the address on its own.
      return detail === 0 ? undefined : byClass(klass, 'invalid-recipient');
    case 2:
      // A full mailbox is temporary by nature, even when the server says 5.2.2.
      if (detail === 2) return { permanence: 'soft', reason: 'mailbox-full' };
      if (detail === 3) return { permanence: 'soft', reason: 'message-too-large' };
      if (detail === 1) return byClass(klass, 'invalid-recipient');
      return undefined;
    case 3:
      if (detail === 4) return { permanence: 'soft', reason: 'message-too-large' };
      return undefined;
    case 4:
      if (detail === 7 || detail === 1 || detail === 2) return { permanence: 'soft', reason: 'timeout' };
      if (detail === 4) return byClass(klass, 'domain-or-dns');
      return undefined;
    case 7: {
      // Security or policy: the receiver refused the sender or the content; the address is not at fault.
      const said = fromText(text);
      const reason: FailureReason =
        said && (said.reason === 'reputation-block' || said.reason === 'content-block') ? said.reason
        : said?.reason === 'invalid-recipient' ? 'invalid-recipient'
        : 'policy';
      if (reason === 'invalid-recipient') return byClass(klass, reason);
      return { permanence: klass === '5' ? 'block' : 'soft', reason };
    }
    default:
      return undefined;
  }
};

const fromBasic = (klass: string, rest: string): SmtpClassification | undefined => {
  const code = klass + rest;
  switch (code) {
    case '550':
    case '551':
    case '553':
      return { permanence: 'hard', reason: 'invalid-recipient' };
    case '552':
    case '452':
      return { permanence: 'soft', reason: 'mailbox-full' };
    case '554':
      return { permanence: 'block', reason: 'policy' };
    case '421':
      return { permanence: 'soft', reason: 'timeout' };
    default:
      return undefined;
  }
};

/**
 * Classifies an SMTP failure from its code (RFC 3463 enhanced `5.1.1`, or basic `550`) and diagnostic text.
 *
 * The enhanced code decides when it is specific; a missing or generic code (`5.0.0`, `550`, `554`) defers to
 * what the text says ("mailbox full", "listed on Spamhaus", ...), then to the code's class (5 = hard, 4 = soft).
 * Never throws: anything unreadable is `{ permanence: 'unknown', reason: 'undetermined' }`.
 */
export function classifySmtp(code?: string | number | null, text?: string | null): SmtpClassification {
  const codeText = code == null ? '' : String(code).slice(0, 64);
  const diagnostic = typeof text === 'string' ? text : undefined;
  const enhanced = ENHANCED.exec(codeText) ?? (diagnostic ? ENHANCED.exec(diagnostic.slice(0, 300)) : null);
  if (enhanced) {
    const [, klass, subject, detail] = enhanced as unknown as [string, string, string, string];
    const specific = fromEnhanced(klass, Number(subject), Number(detail), diagnostic);
    if (specific) return specific;
    const said = fromText(diagnostic);
    if (said) return klass === '4' && said.permanence === 'hard' ? { permanence: 'soft', reason: said.reason } : said;
    return byClass(klass);
  }
  const basic = BASIC.exec(codeText) ?? (diagnostic ? BASIC.exec(diagnostic.slice(0, 20)) : null);
  const said = fromText(diagnostic);
  if (basic) {
    const [, klass, second, third] = basic as unknown as [string, string, string, string];
    if (klass === '2') return { permanence: 'unknown', reason: 'undetermined' };
    // A temporary class never becomes hard because of wording.
    if (said) return klass === '4' && said.permanence === 'hard' ? { permanence: 'soft', reason: said.reason } : said;
    return fromBasic(klass, second + third) ?? byClass(klass);
  }
  return said ?? { permanence: 'unknown', reason: 'undetermined' };
}
