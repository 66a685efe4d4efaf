import { expect } from '@open-wc/testing';
import { createEventStore, createHistoryStore } from '../../src/elements/status-timeline/row-store.js';
import { linkHref } from '../../src/elements/status-timeline/safe-url.js';
import { setTickerClock, subscribeTicker, tickerStats, TICK_INTERVAL, type TickerClock } from '../../src/elements/status-timeline/ticker.js';
import { anchorAt, revealRow, visibleRange } from '../../src/elements/status-timeline/windowing.js';
import { ev } from '../core/event-factory.js';

describe('status-timeline link safety', () => {
  const cases: [string, string | undefined][] = [
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['/relative/path', undefined],
    ['example.com', undefined],
    ['', undefined],
    // Credentials are left out: the host that reads like the link's is the user name.
    ['https://www.bank.example@evil.example/login', 'https://evil.example/login'],
    ['https://user:secret@shop.example/a?b=1', 'https://shop.example/a?b=1'],
  ];
  for (const [text, href] of cases) {
    it(`${href ? 'links' : 'does not link'} ${JSON.stringify(text)}`, () => {
      expect(linkHref(text)).to.equal(href);
    });
  }
});

describe('status-timeline windowing', () => {
  it('renders a bounded number of rows for a 600 px box whatever the length', () => {
    expect(visibleRange(0, 600, 56, 10_000)).to.deep.equal({ start: 0, end: 20 });
    expect(visibleRange(280_000, 600, 56, 10_000)).to.deep.equal({ start: 4992, end: 5020 });
    expect(visibleRange(560_000, 600, 56, 10_000)).to.deep.equal({ start: 9992, end: 10_000 });
  });

  it('never renders more rows than there are', () => {
    expect(visibleRange(0, 600, 56, 3)).to.deep.equal({ start: 0, end: 3 });
    expect(visibleRange(0, 600, 56, 0)).to.deep.equal({ start: 0, end: 0 });
  });

  it('treats a row height of zero (not laid out yet) as the minimum row height', () => {
    expect(visibleRange(0, 600, 0, 10_000)).to.deep.equal({ start: 0, end: 47 });
  });

  it('scrolls the least needed to reveal a row', () => {
    expect(revealRow(5, 50, 0, 600)).to.equal(0);
    expect(revealRow(20, 50, 0, 600)).to.equal(450);
    expect(revealRow(2, 50, 500, 600)).to.equal(100);
  });

  it('anchors on the row at the top edge of the view', () => {
    expect(anchorAt(130, 50, (i) => `k${i}`)).to.deep.equal({ key: 'k2', offset: 30 });
    expect(anchorAt(130, 50, () => undefined)).to.equal(undefined);
  });
});

describe('status-timeline rows', () => {
  it('keeps events in event-time order whatever the arrival order', () => {
    const store = createEventStore();
    store.add([ev('opened', 9), ev('queued', 0), ev('delivered', 2)], 'page');
    expect(store.rows.map((r) => r.item.type)).to.deep.equal(['queued', 'delivered', 'opened']);
  });

  it('collapses duplicates with a count', () => {
    const store = createEventStore();
    store.add([ev('delivered', 2, { eventId: 'a' }), ev('delivered', 2, { eventId: 'a' }), ev('delivered', 2, { eventId: 'a' }), ev('queued', 0)], 'page');
    expect(store.rows.map((r) => [r.item.type, r.count])).to.deep.equal([
      ['queued', 1],
      ['delivered', 3],
    ]);
  });

  it('does not count an event seen live and then in a page twice', () => {
    const store = createEventStore();
    store.add([ev('delivered', 2, { eventId: 'a' })], 'live');
    const changed = store.add([ev('delivered', 2, { eventId: 'a' })], 'page');
    expect(changed).to.equal(false);
    expect(store.rows.map((r) => r.count)).to.deep.equal([1]);
  });

  it('orders campaign entries by time, then in the order a campaign goes through them', () => {
    const store = createHistoryStore();
    const at = '2026-11-02T09:00:00.000Z';
    store.add(
      [
        { campaignId: 'c', action: 'started', at },
        { campaignId: 'c', action: 'created', at: '2026-11-01T09:00:00.000Z' },
        { campaignId: 'c', action: 'scheduled', at },
      ],
      'page',
    );
    expect(store.rows.map((r) => r.item.action)).to.deep.equal(['created', 'scheduled', 'started']);
  });
});

describe('status-timeline shared ticker', () => {
  let intervals: { callback: () => void; ms: number }[];
  let cleared: number;
  let now: number;
  const fake: TickerClock = {
    now: () => now,
    setInterval: (callback, ms) => intervals.push({ callback, ms }),
    clearInterval: () => cleared++,
  };

  beforeEach(() => {
    intervals = [];
    cleared = 0;
    now = 1_000;
    setTickerClock(fake);
  });
  afterEach(() => setTickerClock());

  it('runs one timer for every subscriber and stops it when the last one leaves', () => {
    const seen: number[] = [];
    const stops = [subscribeTicker((t) => seen.push(t)), subscribeTicker((t) => seen.push(t)), subscribeTicker((t) => seen.push(t))];
    expect(intervals.length).to.equal(1);
    expect(intervals[0]!.ms).to.equal(TICK_INTERVAL);
    expect(tickerStats()).to.deep.equal({ listeners: 3, timers: 1 });
    now = 31_000;
    intervals[0]!.callback();
    expect(seen).to.deep.equal([31_000, 31_000, 31_000]);
    stops[0]!();
    stops[1]!();
    expect(cleared).to.equal(0);
    stops[2]!();
    expect(cleared).to.equal(1);
    expect(tickerStats()).to.deep.equal({ listeners: 0, timers: 0 });
  });

  it('pauses while the page is hidden and catches up when it is shown', () => {
    const seen: number[] = [];
    const stop = subscribeTicker((t) => seen.push(t));
    const visibility = (value: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      visibility('hidden');
      expect(cleared).to.equal(1);
      expect(tickerStats().timers).to.equal(0);
      now = 99_000;
      visibility('visible');
      expect(seen).to.deep.equal([99_000]);
      expect(intervals.length).to.equal(2);
      expect(tickerStats().timers).to.equal(1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      stop();
    }
  });

  it('ignores a second unsubscribe', () => {
    const stop = subscribeTicker(() => {});
    stop();
    stop();
    expect(cleared).to.equal(1);
  });
});
