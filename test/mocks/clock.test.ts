import { expect, waitUntil } from '@open-wc/testing';
import { MockClock } from '../../src/mocks/index.js';

describe('MockClock', () => {
  it('runs speed times faster than real time', async () => {
    const clock = new MockClock(0);
    clock.run({ speed: 100, interval: 5 });
    try {
      await waitUntil(() => clock.now() >= 2_000, 'the clock did not run');
      expect(clock.now() % 500, 'moves by interval × speed').to.equal(0);
    } finally {
      clock.stop();
    }
  });

  it('catches up with the time `until` gives, then follows it without ever passing it', async () => {
    let real = 10_000;
    const clock = new MockClock(0);
    const seen: number[] = [];
    clock.onAdvance((_, to) => seen.push(to));
    clock.run({ speed: 1_000, interval: 5, until: () => real });
    try {
      await waitUntil(() => clock.now() === 10_000, 'did not catch up');
      expect(seen.slice(0, 2), 'at speed while behind').to.deep.equal([5_000, 10_000]);
      real = 10_020;
      await waitUntil(() => clock.now() === 10_020, 'did not follow');
      const count = seen.length;
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(clock.now(), 'never past until()').to.equal(10_020);
      expect(seen.length, 'no move while caught up').to.equal(count);
    } finally {
      clock.stop();
    }
  });

  it('places simulated instants on the real clock while a run catches up with it', () => {
    const clock = new MockClock(0);
    expect(clock.realTimeOf(500), 'a clock that does not run: the instant itself').to.equal(500);
    // 1,000 s behind the real clock, ten times faster: caught up after 111.1 s of real time, at 1,111,111.1 ms.
    clock.run({ speed: 10, interval: 60_000, until: () => 1_000_000 });
    clock.stop();
    expect(clock.realTimeOf(-5_000), 'before the run: as far before its real start').to.equal(995_000);
    expect(clock.realTimeOf(0), 'the start').to.equal(1_000_000);
    expect(clock.realTimeOf(500_000), 'played ten times faster').to.equal(1_050_000);
    expect(clock.realTimeOf(2_000_000), 'after the catch-up: itself').to.equal(2_000_000);
    expect(JSON.parse(clock.json({ at: '1970-01-01T00:08:20.000Z', id: 'x' }))).to.deep.equal({ at: '1970-01-01T00:17:30.000Z', id: 'x' });
  });
});
