// The page of examples/react/README.md with the @lit/react wrappers that examples/react/generate-wrappers.mjs
// prints, in TypeScript (test/node/react-wrappers.test.ts puts the generated module beside it, once as
// `--ts` output and once as JavaScript read with `allowJs`). Compiled, never run: the lines marked @ts-expect-error
// must fail to compile (the listeners get the elements' event classes, not a bare Event), the others must compile.
import { StaticDataSource, type DisplayStatus } from 'estafette';
import { CampaignStats, EmailStatusBadge, StatusSource, StatusTimeline } from './estafette-react.js';

const mySource = new StaticDataSource({ statuses: [] });

export function Page({ onFilter }: { onFilter: (statuses: readonly DisplayStatus[]) => void }) {
  return (
    <StatusSource source={mySource}>
      <CampaignStats campaignId="cmp-42" thresholds={{ bounced: { warning: 0.02 } }} onMetricSelect={(event) => onFilter(event.detail.statuses)} />
      <EmailStatusBadge messageId="msg-1" onStatusChange={(event) => console.log(event.newStatus)} />
      <StatusTimeline messageId="msg-1" onStageChange={(event) => console.log(event.lifecycle.reached)} onEntrySelect={(event) => console.log(event.count)} />
      {/* @ts-expect-error: the event handed to onMetricSelect has no newStatus */}
      <CampaignStats onMetricSelect={(event) => console.log(event.newStatus)} />
      {/* @ts-expect-error: the event handed to onStatusChange has no detail.statuses */}
      <EmailStatusBadge onStatusChange={(event) => console.log(event.detail.statuses)} />
    </StatusSource>
  );
}
