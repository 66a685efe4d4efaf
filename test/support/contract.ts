// Browser side of test/support/contract-server-plugin.mjs: a back-end written from the REST contract alone, on
// another origin than the test page (so CORS is real), one per call.
import { executeServerCommand } from '@web/test-runner-commands';

/** One request the contract server received. */
export interface ContractRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Once answered (a stream: once closed). */
  readonly status?: number;
}

export type LiveEventName = 'message-status' | 'message-missing' | 'message-event' | 'campaign-stats' | 'campaign-history';

export interface ContractServerOptions {
  readonly pageSize?: number;
  readonly allowOrigin?: '*' | 'echo' | 'none';
  readonly credentials?: boolean;
  readonly allowHeaders?: readonly string[];
  readonly requireAuthorization?: string;
  /** On every JSON answer (default `no-store`). */
  readonly cacheControl?: string;
}

/** A scripted answer for `times` requests (default: all) to `path` (a route under the API, e.g. `/campaigns/x/stats`). */
export interface Fault {
  readonly path: string;
  readonly method?: string;
  /** 0: the connection is cut (a network error). */
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly times?: number;
}

export interface ContractServer {
  readonly origin: string;
  readonly baseUrl: string;
  requests(): Promise<ContractRequest[]>;
  /** The API's requests (preflights left out), as `METHOD /route?query` lines, the base path cut. */
  calls(): Promise<string[]>;
  push(event: LiveEventName, data: unknown): Promise<number>;
  fault(fault: Fault): Promise<void>;
  dropStreams(): Promise<void>;
  openStreams(): Promise<number>;
  stop(): Promise<void>;
}

export async function startContractServer(options: ContractServerOptions = {}): Promise<ContractServer> {
  const { id, origin, baseUrl } = (await executeServerCommand('contract-server-start', options)) as { id: number; origin: string; baseUrl: string };
  const base = new URL(baseUrl).pathname;
  const requests = async () => (await executeServerCommand('contract-server-requests', { id })) as ContractRequest[];
  return {
    origin,
    baseUrl,
    requests,
    async calls() {
      return (await requests())
        .filter((r) => r.method !== 'OPTIONS' && r.path.startsWith(base))
        .map((r) => {
          const query = new URLSearchParams(r.query).toString();
          return `${r.method} ${r.path.slice(base.length)}${query ? `?${decodeURIComponent(query)}` : ''}`;
        });
    },
    push: async (event, data) => (await executeServerCommand('contract-server-push', { id, event, data })) as number,
    fault: async (fault) => void (await executeServerCommand('contract-server-fault', { id, fault })),
    dropStreams: async () => void (await executeServerCommand('contract-server-drop-streams', { id })),
    openStreams: async () => (await executeServerCommand('contract-server-open-streams', { id })) as number,
    stop: async () => void (await executeServerCommand('contract-server-stop', { id })),
  };
}
