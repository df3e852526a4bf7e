import { DeliveryLease } from './delivery-lease';

/** A clock the test moves, and a renewal that answers what the test says. */
function setup(ids = ['a', 'b']) {
  let now = 1_000_000;
  const calls: string[][] = [];
  let answer: (ids: string[]) => Promise<string[]> = async (xs) => xs;
  const lease = new DeliveryLease(
    ids,
    now,
    30_000,
    (xs) => {
      calls.push(xs);
      return answer(xs);
    },
    () => now,
  );
  return {
    lease,
    calls,
    advance: (ms: number) => (now += ms),
    answer: (fn: (ids: string[]) => Promise<string[]>) => (answer = fn),
  };
}

describe('DeliveryLease (the fence on a claimed batch)', () => {
  afterEach(() => jest.useRealTimers());

  it('a send may start while half the lease is left, counted from when the claim was sent', async () => {
    const t = setup();
    expect(t.lease.holds('a')).toBe(true);
    t.advance(14_999);
    expect(t.lease.holds('a')).toBe(true);
    t.advance(1);
    expect(t.lease.holds('a')).toBe(false);
    expect(t.lease.holds('c')).toBe(false); // never claimed here
    expect(t.calls).toEqual([]);
  });

  it('near the fence, a send renews first and goes if the renewal held the row', async () => {
    const t = setup();
    t.advance(20_000);
    expect(await t.lease.mayStart('a')).toBe(true);
    expect(t.calls).toEqual([['a', 'b']]);
    // the new bound counts from when the renewal was sent
    t.advance(14_999);
    expect(t.lease.holds('b')).toBe(true);
    t.advance(1);
    expect(t.lease.holds('b')).toBe(false);
  });

  it('a row the renewal no longer found (taken over by another worker) is never sent from here', async () => {
    const t = setup();
    t.answer(async () => ['b']);
    await t.lease.renewNow();
    expect(t.lease.holds('a')).toBe(false);
    expect(await t.lease.mayStart('a')).toBe(false);
    expect(t.lease.holds('b')).toBe(true);
  });

  it('renewals failing (PostgreSQL unreachable): sends stop at the fence, before the lease ends', async () => {
    const t = setup();
    t.answer(async () => {
      throw new Error('connection refused');
    });
    t.advance(15_000);
    expect(await t.lease.mayStart('a')).toBe(false);
    expect(t.calls).toHaveLength(1);
  });

  it('concurrent sends near the fence share one renewal', async () => {
    const t = setup();
    let release!: () => void;
    t.answer((xs) => new Promise((r) => (release = () => r(xs))));
    t.advance(16_000);
    const both = Promise.all([t.lease.mayStart('a'), t.lease.mayStart('b')]);
    release();
    expect(await both).toEqual([true, true]);
    expect(t.calls).toHaveLength(1);
  });

  it('started, it renews every third of the lease until stopped', async () => {
    jest.useFakeTimers();
    const t = setup();
    t.lease.start();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(t.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(t.calls).toHaveLength(2);
    t.lease.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(t.calls).toHaveLength(2);
  });
});
