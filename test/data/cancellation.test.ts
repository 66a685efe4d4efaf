import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { deferred, fakeFetch, json, rejectionOf, settle, wireStatus } from './helpers.js';

const isAbort = (error: unknown) => (error as { name?: string }).name === 'AbortError';

describe('RestDataSource cancellation', () => {
  it('rejects an aborted caller at once while the request it shared goes on for the others', async () => {
    const held = deferred<Response>();
    const { fetch, calls } = fakeFetch(() => held.promise);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const gone = new AbortController();

    const leaving = source.getMessages(['a'], { signal: gone.signal });
    const staying = source.getMessages(['a']);
    await settle();
    gone.abort();

    expect(isAbort(await rejectionOf(leaving))).to.equal(true);
    expect(calls[0]!.signal!.aborted).to.equal(false);
    held.resolve(json({ messages: [wireStatus('a')] }));
    expect((await staying).has('a')).to.equal(true);
  });

  it('aborts the request once every caller waiting on it has aborted', async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => {}));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const one = new AbortController();
    const two = new AbortController();

    const first = source.getMessages(['a', 'b'], { signal: one.signal });
    const second = source.getMessages(['b'], { signal: two.signal });
    await settle();
    one.abort();
    expect(calls[0]!.signal!.aborted).to.equal(false);
    two.abort();

    expect(calls[0]!.signal!.aborted).to.equal(true);
    expect(isAbort(await rejectionOf(first))).to.equal(true);
    expect(isAbort(await rejectionOf(second))).to.equal(true);
  });

  it('leaves an id out of the batch when its only caller aborted before the batch went out', async () => {
    const { fetch, calls } = fakeFetch((call) => json({ messages: call.ids.map((id) => wireStatus(id)) }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const gone = new AbortController();

    const leaving = source.getMessages(['a'], { signal: gone.signal });
    const staying = source.getMessages(['b']);
    gone.abort();

    expect(isAbort(await rejectionOf(leaving))).to.equal(true);
    await staying;
    expect(calls.map((call) => call.ids)).to.deep.equal([['b']]);
  });

  it('starts a fresh request for a caller who comes after an aborted one', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      calls.length === 1 ? new Promise<Response>(() => {}) : json({ messages: call.ids.map((id) => wireStatus(id)) }),
    );
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const gone = new AbortController();
    const leaving = source.getMessages(['a'], { signal: gone.signal });
    await settle();
    gone.abort();
    await rejectionOf(leaving);

    const again = await source.getMessages(['a']);

    expect(again.has('a')).to.equal(true);
    expect(calls).to.have.length(2);
  });

  it('rejects without a request when the signal is already aborted', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [] }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const signal = AbortSignal.abort();
    expect(isAbort(await rejectionOf(source.getMessages(['a'], { signal })))).to.equal(true);
    expect(isAbort(await rejectionOf(source.getCampaignStats('c', { signal })))).to.equal(true);
    expect(isAbort(await rejectionOf(source.getMessageEvents('a', { signal })))).to.equal(true);
    await settle();
    expect(calls).to.have.length(0);
  });

  it('keeps a shared events request going while one of its callers remains, and aborts it when none does', async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => {}));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const one = new AbortController();
    const two = new AbortController();
    const first = source.getMessageEvents('m', { signal: one.signal });
    const second = source.getCampaignHistory('c', { signal: two.signal });
    const third = source.getMessageEvents('m', { signal: two.signal });
    await settle();
    expect(calls).to.have.length(2);

    one.abort();
    await rejectionOf(first);
    expect(calls[0]!.signal!.aborted).to.equal(false);
    two.abort();
    await Promise.all([rejectionOf(second), rejectionOf(third)]);
    expect(calls[0]!.signal!.aborted).to.equal(true);
    expect(calls[1]!.signal!.aborted).to.equal(true);
  });
});
