// @ts-check
// The test server's side of test/support/contract.ts: browser tests start contract servers (contract-server.mjs),
// each on a port of its own (so parallel test files never share one), drive them and read what they received.
//   contract-server-start (options)      -> { id, origin, baseUrl }
//   contract-server-requests ({ id })    -> every request so far (preflights included)
//   contract-server-push ({ id, event, data }) -> the SSE id of the update
//   contract-server-fault ({ id, fault }) a scripted answer (`fault.path` is a route such as /campaigns/x/stats)
//   contract-server-drop-streams ({ id }), contract-server-stop ({ id })
import { startContractServer } from './contract-server.mjs';

export function contractServerCommands() {
  /** @type {Map<number, Awaited<ReturnType<typeof startContractServer>>>} */
  const servers = new Map();
  let next = 1;
  const get = (/** @type {any} */ payload) => {
    const server = servers.get(payload?.id);
    if (!server) throw new Error(`no contract server ${payload?.id}`);
    return server;
  };
  return {
    name: 'estafette-contract-server',
    async serverStop() {
      await Promise.all([...servers.values()].map((server) => server.close()));
    },
    /** @param {{ command: string, payload: any }} args */
    async executeCommand({ command, payload }) {
      if (!command.startsWith('contract-server-')) return undefined;
      switch (command) {
        case 'contract-server-start': {
          const server = await startContractServer(payload ?? {});
          const id = next++;
          servers.set(id, server);
          return { id, origin: server.origin, baseUrl: server.baseUrl };
        }
        case 'contract-server-requests':
          return get(payload).requests;
        case 'contract-server-push':
          return get(payload).push(payload.event, payload.data);
        case 'contract-server-fault':
          get(payload).fault(payload.fault);
          return true;
        case 'contract-server-drop-streams':
          get(payload).dropStreams();
          return true;
        case 'contract-server-open-streams':
          return get(payload).openStreams();
        case 'contract-server-stop': {
          await get(payload).close();
          servers.delete(payload.id);
          return true;
        }
        default:
          return undefined;
      }
    },
  };
}
