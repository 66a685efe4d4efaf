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
    announcer.push('one', 'en');
    announcer.push('two', 'en');
    announcer.push('three', 'en');
    expect(said).to.deep.equal(['one']);
    time.advance(1000);
    expect(said).to.deep.equal(['one', 'three']);
  });

  it('tells whether a message waits for the quiet period, until it is said or dropped', () => {
    const { time, announcer } = setUp();
    expect(announcer.pending, 'nothing pushed').to.equal(false);
    announcer.push('one', 'en');
    expect(announcer.pending, 'said at once').to.equal(false);
    announcer.push('two', 'en');
    expect(announcer.pending, 'within the quiet period').to.equal(true);
    time.advance(1000);
    expect(announcer.pending, 'said when it ended').to.equal(false);
    announcer.push('three', 'en');
    announcer.cancel();
    expect(announcer.pending, 'dropped').to.equal(false);
  });

  it('does not say the same words twice in a row, which a live region would not read again', () => {
    const { time, said, announcer } = setUp();
    announcer.push('same', 'en');
    time.advance(5000);
    announcer.push('same', 'en');
    expect(said).to.deep.equal(['same']);
  });

  it('empties the region on cancel, drops what waited, and says the same words again afterwards', () => {
    const { time, said, announcer } = setUp();
    announcer.push('same', 'en');
    announcer.push('waiting', 'en');
    announcer.cancel();
    time.advance(5000);
    expect(said, 'what waited is dropped').to.deep.equal(['same', '']);
    expect(announcer.language).to.equal(undefined);
    announcer.push('same', 'en');
    expect(said).to.deep.equal(['same', '', 'same']);
  });

  it('keeps one language at a time: words in another one drop those said and waiting before they are said', () => {
    const { time, said, announcer } = setUp();
    announcer.push('one', 'en');
    announcer.push('two', 'en');
    expect(announcer.language).to.equal('en');
    announcer.push('un', 'fr');
    expect(said, 'the English words are gone from the region').to.deep.equal(['one', '']);
    expect(announcer.language).to.equal('fr');
    time.advance(1000);
    expect(said, 'the waiting English words are never said').to.deep.equal(['one', '', 'un']);
  });

  it('says nothing on cancel when nothing was said', () => {
    const { said, announcer } = setUp();
    announcer.cancel();
    expect(said).to.deep.equal([]);
  });
});
