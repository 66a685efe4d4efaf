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
});
