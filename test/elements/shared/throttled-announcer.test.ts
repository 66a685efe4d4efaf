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
    announcer.push(() => 'one', 'en');
    announcer.push(() => 'two', 'en');
    announcer.push(() => 'three', 'en');
    expect(said).to.deep.equal(['one']);
    time.advance(1000);
    expect(said).to.deep.equal(['one', 'three']);
  });

  it('does not say the same words twice in a row, which a live region would not read again', () => {
    const { time, said, announcer } = setUp();
    announcer.push(() => 'same', 'en');
    time.advance(5000);
    announcer.push(() => 'same', 'en');
    expect(said).to.deep.equal(['same']);
  });

  it('empties the region on cancel, drops what waited, and says the same words again afterwards', () => {
    const { time, said, announcer } = setUp();
    announcer.push(() => 'same', 'en');
    announcer.push(() => 'waiting', 'en');
    announcer.cancel();
    time.advance(5000);
    expect(said, 'what waited is dropped').to.deep.equal(['same', '']);
    expect(announcer.language).to.equal(undefined);
    announcer.push(() => 'same', 'en');
    expect(said).to.deep.equal(['same', '', 'same']);
  });

  it('keeps one language at a time: words in another one drop those said and waiting before they are said', () => {
    const { time, said, announcer } = setUp();
    announcer.push(() => 'one', 'en');
    announcer.push(() => 'two', 'en');
    expect(announcer.language).to.equal('en');
    announcer.push(() => 'un', 'fr');
    expect(said, 'the English words are gone from the region').to.deep.equal(['one', '']);
    expect(announcer.language).to.equal('fr');
    time.advance(1000);
    expect(said, 'the waiting English words are never said').to.deep.equal(['one', '', 'un']);
  });

  it('words a waiting message again in the page\'s new language, at the end of the same quiet period', () => {
    const { time, said, announcer } = setUp();
    const words = { en: ['one', 'two'], fr: ['un', 'deux'] } as const;
    const worded: string[] = [];
    const message = (n: 0 | 1) => (language: string) => {
      worded.push(language);
      return words[language as 'en' | 'fr'][n];
    };
    announcer.push(message(0), 'en');
    announcer.push(message(1), 'en');
    expect(worded, 'a waiting message is not worded yet').to.deep.equal(['en']);
    time.advance(400);
    announcer.speakIn('fr');
    expect(said, 'the English words are gone from the region').to.deep.equal(['one', '']);
    expect(announcer.language).to.equal('fr');
    time.advance(599);
    expect(said, 'still the same quiet period').to.deep.equal(['one', '']);
    time.advance(1);
    expect(said).to.deep.equal(['one', '', 'deux']);
    expect(worded, 'worded once, in French, when said').to.deep.equal(['en', 'fr']);
    announcer.speakIn('fr');
    expect(said, 'the same language: nothing changes').to.deep.equal(['one', '', 'deux']);
  });

  it('empties the region after a change of language with nothing waiting, and says nothing more', () => {
    const { time, said, announcer } = setUp();
    announcer.push(() => 'one', 'en');
    announcer.speakIn('fr');
    time.advance(5000);
    expect(said).to.deep.equal(['one', '']);
    expect(announcer.language).to.equal(undefined);
  });

  it('says nothing for a message worded empty', () => {
    const { time, said, announcer } = setUp();
    announcer.push(() => '', 'en');
    announcer.push(() => 'one', 'en');
    expect(said, 'the empty one did not start a quiet period').to.deep.equal(['one']);
    time.advance(5000);
    expect(said).to.deep.equal(['one']);
  });

  it('says nothing on cancel when nothing was said', () => {
    const { said, announcer } = setUp();
    announcer.cancel();
    expect(said).to.deep.equal([]);
  });
});
