// A page may hold two copies of Estafette: the CDN file registering the elements and an app's npm import giving them
// its data source (the README says mixing them is safe). Each copy has its own DataSourceError class. Found by
// audit F: the elements tested `instanceof` against their own copy's class, so a 404 thrown with the other copy's
// class showed "an unexpected error occurred" and was retried every minute for ever, as were 401 and 403.
// The second copy here is the same module loaded again under another URL, as a page loading both files gets it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DataSourceError } from '../../src/data/errors.js';
import type { StatusDataSource } from '../../src/data/source.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { dataErrorReason } from '../../src/elements/shared/data-error.js';
import { AutoRetry } from '../../src/elements/shared/retry.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { nameOf } from '../elements/shared/badge-helpers.js';

type ErrorsModule = typeof import('../../src/data/errors.js');
const other: ErrorsModule = await import(/* @vite-ignore */ new URL('../../src/data/errors.ts?another-copy', import.meta.url).href);
const OtherError = other.DataSourceError;

/** A source whose every call rejects with `error`, counting the calls. */
function failingSource(error: unknown) {
  const calls: string[] = [];
  const fail = (what: string) => async () => {
    calls.push(what);
    throw error;
  };
  const source: StatusDataSource = {
    getMessages: fail('messages'),
    getMessageEvents: fail('events'),
    getCampaignStats: fail('stats'),
    getCampaignHistory: fail('history'),
  };
  return { source, calls };
}

const textOf = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('a DataSourceError from another copy of Estafette', () => {
  it('is a DataSourceError for instanceof, both ways, and a plain error or a look-alike is not', () => {
    expect(OtherError, 'a second copy of the class').to.not.equal(DataSourceError);
    expect(new OtherError('gone', { kind: 'http', status: 404 })).to.be.instanceOf(DataSourceError);
    expect(new DataSourceError('gone', { kind: 'http', status: 404 })).to.be.instanceOf(OtherError);
    expect(new Error('gone')).to.not.be.instanceOf(DataSourceError);
    expect({ name: 'DataSourceError', kind: 'http', status: 404, retryable: false }).to.not.be.instanceOf(DataSourceError);
    expect(null).to.not.be.instanceOf(DataSourceError);
    expect('DataSourceError').to.not.be.instanceOf(DataSourceError);
  });

  it('keeps the ordinary instanceof for a subclass', () => {
    class QuotaError extends DataSourceError {}
    const quota = new QuotaError('over quota', { kind: 'http', status: 429, retryable: true });
    expect(quota).to.be.instanceOf(QuotaError).and.instanceOf(DataSourceError).and.instanceOf(Error);
    expect(new DataSourceError('gone', { kind: 'http', status: 404 })).to.not.be.instanceOf(QuotaError);
    expect(new OtherError('gone', { kind: 'http', status: 404 })).to.not.be.instanceOf(QuotaError);
  });

  it('is not retried when it says so (401, 403, 404), and waits as long as its Retry-After says otherwise', () => {
    const retries = new AutoRetry(() => {});
    for (const status of [401, 403, 404]) {
      retries.failed(new OtherError(`HTTP ${status}`, { kind: 'http', status }));
      expect(retries.scheduled, `HTTP ${status}`).to.equal(false);
    }
    retries.failed(new OtherError('aborted', { kind: 'aborted' }));
    expect(retries.scheduled, 'an abort').to.equal(false);
    retries.failed(new OtherError('busy', { kind: 'http', status: 503, retryable: true, retryAfter: 30_000 }));
    expect(retries.scheduled, 'a 503').to.equal(true);
    retries.reset();
  });

  it('is told in words: a time-out is a time-out, not an unexpected error', () => {
    expect(dataErrorReason('en', new OtherError('slow', { kind: 'timeout', retryable: true }))).to.equal('the server took too long to answer');
  });

  it('makes <campaign-stats> say no campaign was found, with no retry, after one call', async () => {
    const { source, calls } = failingSource(new OtherError('GET /campaigns/nope/stats answered HTTP 404', { kind: 'http', status: 404 }));
    const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="nope" .source=${source}></campaign-stats>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.error'), 'no error shown');
    expect(textOf(el)).to.contain('No campaign was found with this identifier.');
    expect(el.shadowRoot!.querySelector('.retry'), 'nothing to retry').to.equal(null);
    expect(calls).to.deep.equal(['stats']);
  });

  it('makes <status-timeline> say no campaign was found', async () => {
    const { source } = failingSource(new OtherError('GET /campaigns/nope/history answered HTTP 404', { kind: 'http', status: 404 }));
    const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" campaign-id="nope" .source=${source}></status-timeline>`);
    await waitUntil(() => textOf(el).includes('No campaign was found with this identifier.'), `shown: ${textOf(el)}`);
  });

  it('makes <email-status-badge> say no data source is set up', async () => {
    const { source } = failingSource(new OtherError('No data source is configured.', { kind: 'no-source' }));
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => nameOf(el) === 'Unavailable. No data source is set up for this status.', `named: ${nameOf(el)}`);
  });
});
