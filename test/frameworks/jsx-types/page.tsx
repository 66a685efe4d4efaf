// A React 19 page in TypeScript using the four tags through estafette/react (src/frameworks/react.d.ts). Compiled, never run:
// the lines marked @ts-expect-error must fail to compile (a wrong value is caught), the others must compile.
import type { CampaignStatsElement, StatusDataSource } from 'estafette';

interface Contact {
  id: number;
  messageId: number | null;
  sentAt: Date | null;
}

export function CampaignPage({ campaignId, source, thresholds }: { campaignId: string; source: StatusDataSource; thresholds: CampaignStatsElement['thresholds'] }) {
  return (
    <status-source source={source}>
      <campaign-stats campaign-id={campaignId} thresholds={thresholds} onmetric-select={(event) => console.log(event.metric)} />
      <email-status-badge message-id="m-1" appearance="dot" onstatus-change={(event) => console.log(event.newStatus)} />
      <status-timeline campaignId={campaignId} order="oldest-first" onstage-change={(event) => console.log(event.lifecycle.reached)} onentry-select={(event) => console.log(event.type)} />
      {/* @ts-expect-error: not an order the timeline knows */}
      <status-timeline order="sideways" />
      {/* @ts-expect-error: appearance is one of pill, dot, icon-only */}
      <email-status-badge appearance="bubble" />
      {/* @ts-expect-error: the event handed to a metric-select listener has no newStatus */}
      <campaign-stats onmetric-select={(event) => console.log(event.newStatus)} />
    </status-source>
  );
}

// What the README says the elements take: ids as numbers, times as Dates, null as "not given"; the dashed attributes
// custom-elements.json lists; data-* and aria-* attributes.
export function ContactRows({ campaignId, contacts }: { campaignId: number; contacts: Contact[] }) {
  return (
    <>
      <campaign-stats campaignId={campaignId} updatedAt={new Date()} exclude-automated heading-level={3} data-section="stats" aria-describedby="help" />
      <status-timeline campaign-id={campaignId} time-zone="Europe/Paris" announce-interval={5000} />
      {contacts.map((c) => <email-status-badge key={c.id} messageId={c.messageId} updatedAt={c.sentAt} code={550} size="small" data-row={c.id} />)}
      <email-status-badge message-id={7} updated-at="2026-11-02T09:00:00Z" />
      <status-source endpoint="/api" poll-interval={30_000} />
      {/* @ts-expect-error: a misspelt property is refused */}
      <email-status-badge mesageId="m-1" />
      {/* @ts-expect-error: a Date goes to updatedAt; as an attribute, React would write its local text */}
      <email-status-badge updated-at={new Date()} />
      {/* @ts-expect-error: ids are text or numbers, not objects */}
      <campaign-stats campaignId={{ id: 42 }} />
      {/* @ts-expect-error: counts is an object of figures */}
      <campaign-stats counts="1000" />
    </>
  );
}
