import { expect } from '@open-wc/testing';
import { ThrottledAnnouncer } from '../../../src/elements/shared/throttled-announcer.js';
import { fakeClock } from './fake-clock.js';

describe('ThrottledAnnouncer', () => {
  const setUp = () => {
    const time = fakeClock();
    const said: string[] = [];
    const announcer = new ThrottledAnnouncer((message) => said.push(message), () => 1000, () => time.clock);
    return { time, said, announcer };
  };

  it('says the first message at once, then only the latest of those pushed during the quiet period, when it ends', () => {
    const { time, said, announcer } = setUp();
    announcer.push('one');
    announcer.push('two');
    announcer.push('three');
    expect(said).to.deep.equal(['one']);
    time.advance(1000);
    expect(said).to.deep.equal(['one', 'three']);
  });

  it('does not say the same words twice in a row, which a live region would not read again', () => {
    const { time, said, announcer } = setUp();
    announcer.push('same');
    time.advance(5000);
    announcer.push('same');
    expect(said).to.deep.equal(['same']);
  });

  it('says the same words again after a cancel, which empties the live region, and drops what waited', () => {
    const { time, said, announcer } = setUp();
    announcer.push('same');
    announcer.push('waiting');
    announcer.cancel();
    time.advance(5000);
    expect(said, 'what waited is dropped').to.deep.equal(['same']);
    announcer.push('same');
    expect(said).to.deep.equal(['same', 'same']);
  });
});
