import type { Channel } from '../core/index.js';
import type { DemoLocale } from './demo-messages.js';

/** A campaign the demo can show. */
export interface DemoCampaign {
  readonly id: string;
  /** Its name, as the host's data has it. */
  readonly name: string;
  /** Its name in the page's languages, where the host has them (the mock's campaigns); else `name` in all. */
  readonly names?: Readonly<Record<DemoLocale, string>>;
  readonly channel: Channel;
}

/** A campaign's name in `locale`. */
export const campaignName = (campaign: DemoCampaign, locale: DemoLocale): string => campaign.names?.[locale] ?? campaign.name;

/** One row of the contacts table: a person and their message in each campaign. */
export interface DemoRow {
  readonly key: string;
  readonly name: string;
  readonly address: string;
  /** Message id per campaign id. */
  readonly messages: Readonly<Record<string, string>>;
}

/** What the back-office knows by itself (its contacts and campaigns): Estafette only brings statuses. */
export interface DemoDirectory {
  readonly campaigns: readonly DemoCampaign[];
  readonly rows: readonly DemoRow[];
}

/**
 * The directory of the mock API: the k-th recipient of every demo campaign is the same person here, as when a
 * back-office sends its newsletter and its SMS campaign to one contact list.
 */
export async function mockDirectory(): Promise<DemoDirectory> {
  const { mockApi, DEMO_CAMPAIGNS } = await import('../mocks/index.js');
  const { dataset } = mockApi();
  const campaigns = [DEMO_CAMPAIGNS.newsletter, DEMO_CAMPAIGNS.sms].map((id) => dataset.campaign(id)!);
  const [newsletter, sms] = campaigns as [NonNullable<(typeof campaigns)[0]>, NonNullable<(typeof campaigns)[0]>];
  const rows: DemoRow[] = newsletter.messages.map((message, index) => {
    const smsMessage = sms.messages[index];
    return {
      key: message.id,
      name: `${message.contact.firstName} ${message.contact.lastName}`,
      address: message.recipient,
      messages: smsMessage ? { [newsletter.info.id]: message.id, [sms.info.id]: smsMessage.id } : { [newsletter.info.id]: message.id },
    };
  });
  // The back-office's own names for its campaigns, in both of its languages (the mock API serves the French ones).
  const names: Record<string, Record<DemoLocale, string>> = {
    [DEMO_CAMPAIGNS.newsletter]: { fr: 'Newsletter de novembre', en: 'November newsletter' },
    [DEMO_CAMPAIGNS.sms]: { fr: 'SMS Black Friday', en: 'Black Friday SMS' },
  };
  return { campaigns: campaigns.map((c) => ({ id: c.info.id, name: c.info.name, names: names[c.info.id], channel: c.info.channel })), rows };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Why a `?directory=` list could not be read: no answer (the fetch itself failed, said by the browser in its own
 * language), an HTTP error, a body that is not JSON, or JSON of another shape.
 */
export class DirectoryError extends Error {
  constructor(
    readonly url: string,
    readonly kind: 'unreachable' | 'http' | 'not-json' | 'not-directory',
    readonly status?: number,
  ) {
    super(`${url}: ${kind === 'unreachable' ? 'unreachable' : kind === 'http' ? `HTTP ${status}` : kind === 'not-json' ? 'not JSON' : 'not a demo directory'}`);
    this.name = 'DirectoryError';
  }
}

/**
 * A directory from the host's own JSON (`?directory=URL` with `?endpoint=`): `{ campaigns: [{id, name, channel}],
 * rows: [{ name, address, messages: { campaignId: messageId } }] }`. Malformed entries are skipped, with a warning.
 */
export async function remoteDirectory(url: string): Promise<DemoDirectory> {
  const response = await fetch(url).catch(() => {
    throw new DirectoryError(url, 'unreachable');
  });
  if (!response.ok) throw new DirectoryError(url, 'http', response.status);
  const body: unknown = await response.json().catch(() => {
    throw new DirectoryError(url, 'not-json');
  });
  if (!isRecord(body) || !Array.isArray(body.campaigns) || !Array.isArray(body.rows)) throw new DirectoryError(url, 'not-directory');
  const campaigns = body.campaigns.filter(
    (c): c is DemoCampaign => isRecord(c) && typeof c.id === 'string' && typeof c.name === 'string' && (c.channel === 'email' || c.channel === 'sms'),
  );
  const rows = body.rows.flatMap((r, index): DemoRow[] =>
    isRecord(r) && typeof r.name === 'string' && isRecord(r.messages)
      ? [{ key: String(index), name: r.name, address: typeof r.address === 'string' ? r.address : '', messages: Object.fromEntries(Object.entries(r.messages).filter(([, v]) => typeof v === 'string')) as Record<string, string> }]
      : [],
  );
  if (rows.length !== body.rows.length || campaigns.length !== body.campaigns.length) console.warn(`estafette demo: skipped malformed entries of ${url}`);
  return { campaigns, rows };
}
