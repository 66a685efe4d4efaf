// RestDataSource's number options are checked when it is made: a NaN batch size used to leave every badge loading
// for good, a NaN retry count retried forever, and a poll interval of 0 or 15 (meant as seconds) polled hundreds
// of times a second.
import { expect } from '@open-wc/testing';
import { RestDataSource, batchMessages, type RestDataSourceOptions } from '../../src/data/index.js';

const make = (options: Partial<RestDataSourceOptions>) => () => new RestDataSource({ baseUrl: '/api', live: 'off', ...options });

describe('RestDataSource options', () => {
  it('refuses a number option that is not a number in range, naming it', () => {
    const wrong: [Partial<RestDataSourceOptions>, string][] = [
      [{ batchSize: NaN }, 'batchSize'],
      [{ batchSize: 0 }, 'batchSize'],
      [{ batchSize: '500' as unknown as number }, 'batchSize'],
      [{ pollInterval: 0 }, 'pollInterval'],
      [{ pollInterval: 15 }, 'pollInterval'],
      [{ pollInterval: NaN }, 'pollInterval'],
      [{ maxPollInterval: -1 }, 'maxPollInterval'],
      [{ cacheTtl: -1 }, 'cacheTtl'],
      [{ batchWindow: NaN }, 'batchWindow'],
      [{ maxUrlLength: NaN }, 'maxUrlLength'],
      [{ timeout: -1 }, 'timeout'],
      [{ retry: { retries: NaN } }, 'retry.retries'],
      [{ retry: { baseDelay: -300 } }, 'retry.baseDelay'],
      [{ retry: { maxDelay: NaN } }, 'retry.maxDelay'],
      [{ retry: { maxRetryAfter: -1 } }, 'retry.maxRetryAfter'],
    ];
    for (const [options, name] of wrong) {
      expect(make(options), name).to.throw(RangeError, `RestDataSource: ${name} must be a number of at least`);
    }
  });

  it('takes numbers in range, and the edges the docs name (0 for no cache, no time limit, no retry)', () => {
    const source = make({ batchSize: 2.7, pollInterval: 1000, maxPollInterval: 1000, cacheTtl: 0, batchWindow: 0, timeout: 0, retry: { retries: 0, baseDelay: 0 } })();
    expect(source.options).to.include({ batchSize: 2, pollInterval: 1000, cacheTtl: 0 });
    expect(make({})().options).to.include({ batchSize: 500, pollInterval: 15_000, cacheTtl: 30_000 });
  });
});

describe('batchMessages options', () => {
  it('refuses a batch size or wait that is not a number in range', () => {
    const load = async () => new Map();
    expect(() => batchMessages(load, { batchSize: NaN })).to.throw(RangeError, 'batchMessages: batchSize');
    expect(() => batchMessages(load, { wait: -1 })).to.throw(RangeError, 'batchMessages: wait');
    expect(() => batchMessages(load, { batchSize: 20, wait: 0 })).not.to.throw();
  });
});
