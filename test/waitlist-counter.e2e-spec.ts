import { EventsService } from '@yvc/events';
import { TestApi } from './helpers/test-api';

const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id status waitlistPosition } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }`;
const MINE = `query($id: ID!) { event(id: $id) { myRegistration { id status waitlistPosition } } }`;
const WALK = `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) { status overCapacity } }`;

type Reg = { id: string; status: string; waitlistPosition: number | null };

/**
 * events.waitlisted is the count of the event's WAITLISTED rows, kept under the event's lock by
 * every path on or off a waitlist; a new registration's position is read from it. These tests run
 * each path, concurrently where it can race, and compare the counter and the positions handed out
 * with the rows.
 */
describe('the waitlist counter (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  async function counterAndRows(eventId: string): Promise<{ counter: number; rows: number }> {
    const [r] = await api.db.query(
      `SELECT waitlisted AS counter,
              (SELECT count(*)::int FROM registrations WHERE event_id = $1 AND status = 'WAITLISTED') AS rows
       FROM events WHERE id = $1`,
      [eventId],
    );
    return r;
  }

  const register = async (eventId: string, token: string): Promise<Reg> => {
    const res = await api.gql(REGISTER, { id: eventId }, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerForEvent;
  };

  it('registrations, cancellations and promotions at once: the counter equals the rows, positions 1..k', async () => {
    const { id } = await api.event({ capacity: 20 });
    const first = await api.bulkMembers(80);
    const regs = await Promise.all(first.map((m) => register(id, m.token)));
    const waitlisted = regs.filter((r) => r.status === 'WAITLISTED');
    expect(waitlisted).toHaveLength(60);
    // the positions the statement returned are exactly 1..60, each once
    expect(waitlisted.map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect(await counterAndRows(id)).toEqual({ counter: 60, rows: 60 });

    // at once: 10 seated cancel (10 promotions), 10 waitlisted cancel, 20 newcomers register
    const tokenOf = new Map(first.map((m, i) => [regs[i].id, m.token]));
    const seated = regs.filter((r) => r.status === 'REGISTERED').slice(0, 10);
    const leaving = waitlisted.filter((_, i) => i % 6 === 0).slice(0, 10);
    const newcomers = await api.bulkMembers(20);
    const [cancels, , late] = await Promise.all([
      Promise.all(
        [...seated, ...leaving].map((r) => api.gql(CANCEL, { id: r.id }, { token: tokenOf.get(r.id) })),
      ),
      Promise.resolve(),
      Promise.all(newcomers.map((m) => register(id, m.token))),
    ]);
    expect(cancels.filter((c) => c.errors)).toEqual([]);
    expect(late.every((r) => r.status === 'WAITLISTED')).toBe(true);
    const now = await counterAndRows(id);
    expect(now).toEqual({ counter: 60 - 10 - 10 + 20, rows: 60 });

    // every member still waiting sees a distinct position, 1..k, in the order they joined
    const everyone = [...first, ...newcomers];
    const mine = await Promise.all(everyone.map((m) => api.gql(MINE, { id }, { token: m.token })));
    const positions = mine
      .map((r) => r.data.event.myRegistration as Reg | null)
      .filter((r): r is Reg => r?.status === 'WAITLISTED')
      .map((r) => r.waitlistPosition);
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // a newcomer's returned position was at most the waitlist's length when it answered
    expect(late.every((r) => r.waitlistPosition! >= 1 && r.waitlistPosition! <= 60 + 20)).toBe(true);
  });

  it('a raised capacity, a walk-in from the waitlist, cancelling the event: the counter follows', async () => {
    const { id, coordinatorToken } = await api.event({ capacity: 2 }, { startsInHours: 1 });
    const members = await api.bulkMembers(6);
    const regs = await Promise.all(members.map((m) => register(id, m.token)));
    expect(regs.filter((r) => r.status === 'WAITLISTED')).toHaveLength(4);
    expect(await counterAndRows(id)).toEqual({ counter: 4, rows: 4 });

    const raised = await api.gql(
      `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      { id, input: { capacity: 3 } },
      { token: coordinatorToken },
    );
    expect(raised.errors).toBeUndefined();
    expect(await counterAndRows(id)).toEqual({ counter: 3, rows: 3 });

    // a waitlisted member who walks in takes no waitlist place any more (over capacity: seats full)
    const [waiting] = await api.db.query(
      `SELECT m.email FROM registrations r JOIN members m ON m.id = r.member_id
       WHERE r.event_id = $1 AND r.status = 'WAITLISTED' ORDER BY r.waitlist_seq LIMIT 1`,
      [id],
    );
    const walk = await api.gql(WALK, { e: id, w: waiting.email }, { token: coordinatorToken });
    expect(walk.data.walkIn).toEqual({ status: 'ATTENDED', overCapacity: true });
    expect(await counterAndRows(id)).toEqual({ counter: 2, rows: 2 });
    const next = await register(id, (await api.bulkMembers(1))[0].token);
    expect(next).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });

    const cancelled = await api.gql(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "Залды жөндеу") { id status } }`,
      { id },
      { token: coordinatorToken },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(await counterAndRows(id)).toEqual({ counter: 0, rows: 0 });
  });

  it('an event that ends closes its waitlist and the counter with it', async () => {
    const { id } = await api.event({ capacity: 1 }, { startsInHours: 1 });
    const members = await api.bulkMembers(3);
    await Promise.all(members.map((m) => register(id, m.token)));
    expect(await counterAndRows(id)).toEqual({ counter: 2, rows: 2 });
    await api.db.query(
      `UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    await api.app.get(EventsService).completeEnded();
    expect(await counterAndRows(id)).toEqual({ counter: 0, rows: 0 });
  });

  it('the database refuses a counter below zero or above the numbers handed out', async () => {
    const { id } = await api.event({ capacity: 1 });
    await expect(api.db.query(`UPDATE events SET waitlisted = -1 WHERE id = $1`, [id])).rejects.toThrow(
      /events_waitlisted_chk/,
    );
    await expect(
      api.db.query(`UPDATE events SET waitlisted = waitlist_seq + 1 WHERE id = $1`, [id]),
    ).rejects.toThrow(/events_waitlisted_chk/);
  });
});
