// A React 19 page in TypeScript using the four tags through examples/react/estafette-jsx.d.ts. Compiled, never run:
// the lines marked @ts-expect-error must fail to compile (a wrong value is caught), the others must compile.
import type { CampaignStatsElement, StatusDataSource } from 'estafette';

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
