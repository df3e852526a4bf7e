import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import { refresh } from '../../shared/auth/session';
import { postJsonWithToken } from '../../shared/graphql/client';
import { type ScanRecord, putScan, scansOf, settleScan } from './scanQueue';
import type { Tone } from './signals';

const SyncDocument = graphql(`
  mutation ScannerSync($eventId: ID!, $scans: [OfflineScanInput!]!) {
    syncCheckIns(eventId: $eventId, scans: $scans) {
      scanId
      outcome
      message
      registration {
        id
        checkedInAt
        member {
          id
          fullName
        }
      }
    }
  }
`);

/** The API takes at most 500 scans per syncCheckIns; smaller batches answer sooner. */
const BATCH = 100;
/** While scans wait and the network is up, try again this often (besides `online` and the button). */
const RETRY_MS = 30_000;

/** What the big panel shows for the latest scan. */
export interface Feedback {
  tone: Tone;
  /** the scan it is about (updated when a queued scan gets the server's answer) */
  scanId?: string;
  name?: string;
  /** ISO: first check-in (already), or when it was saved (queued) */
  at?: string;
  /** the API's sentence, or a key of ours for what the phone itself can tell */
  message?: string;
  reason?: 'notACode' | 'alreadyHere';
  overCapacity?: boolean;
  walkIn?: boolean;
  seq: number;
}

export function toneOf(scan: ScanRecord): Tone {
  if (scan.state === 'pending') return 'queued';
  if (scan.outcome === 'OK') return 'ok';
  if (scan.outcome === 'ALREADY_CHECKED_IN') return 'already';
  return 'error';
}

let seq = 0;
export function feedbackOf(scan: ScanRecord): Feedback {
  const tone = toneOf(scan);
  return {
    tone,
    scanId: scan.scanId,
    name: scan.fullName,
    at: tone === 'queued' ? scan.scannedAt : scan.checkedInAt,
    message: scan.message,
    seq: ++seq,
  };
}
export function nextSeq(): number {
  return ++seq;
}

interface Answer {
  outcome: string;
  message?: string;
  fullName?: string;
  checkedInAt?: string;
}

/** A scan read online waits this long for its answer before it is queued (weak Wi-Fi at a door). */
const SEND_TIMEOUT_MS = 8_000;

/** What the door's POST answers (apps/api/src/events/check-in.controller.ts), or its error. */
interface DoorAnswer {
  alreadyCheckedIn?: boolean;
  registration?: { checkedInAt: string | null; member: { fullName: string } };
  error?: { message: string; extensions?: { code?: string; reason?: string } };
}

/**
 * One code read now, sent as the door's small POST (`/check-in/<event id>`, the registrant's
 * name in the same answer, no GraphQL on the hot path); null when the server could not be reached
 * or answered nothing we can show, 'unauthenticated' when the token needs refreshing.
 */
async function postScan(
  eventId: string,
  code: string,
  lang: string,
): Promise<Answer | 'unauthenticated' | null> {
  let res: Response;
  let body: DoorAnswer;
  try {
    res = await postJsonWithToken(
      `/check-in/${encodeURIComponent(eventId)}`,
      { code },
      lang,
      SEND_TIMEOUT_MS,
    );
    body = (await res.json()) as DoorAnswer;
  } catch {
    // offline, too slow, or not our API's JSON (a captive portal): the scan stays queued (if the
    // POST did arrive, the sync answers "already": the person is in either way)
    return null;
  }
  if (res.ok && body.registration)
    return {
      outcome: body.alreadyCheckedIn ? 'ALREADY_CHECKED_IN' : 'OK',
      fullName: body.registration.member.fullName,
      checkedInAt: body.registration.checkedInAt ?? undefined,
    };
  const code_ = body.error?.extensions?.code;
  if (code_ === 'UNAUTHENTICATED') return 'unauthenticated';
  if (!body.error || !code_ || code_ === 'INTERNAL_SERVER_ERROR' || res.status >= 500) return null;
  return { outcome: body.error.extensions?.reason ?? code_, message: body.error.message };
}

/**
 * The scans of one event on this phone: reading a code (stored first, then sent if there is a
 * network), the queue of scans waiting, and their sync. `canSend`: signed in and online.
 */
export function useScans(
  eventId: string,
  canSend: boolean,
  onAnswered: (scan: ScanRecord) => void,
  lang: string,
) {
  const client = useClient();
  const [scans, setScans] = useState<ScanRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const scansRef = useRef<ScanRecord[]>([]);
  const syncingRef = useRef<Promise<void> | null>(null);
  /** scans whose checkIn is on its way: the sync leaves them alone (else one code would go twice) */
  const sending = useRef(new Set<string>());
  const answered = useRef(onAnswered);
  answered.current = onAnswered;

  const reload = useCallback(async () => {
    const list = await scansOf(eventId);
    scansRef.current = list;
    setScans(list);
    setLoaded(true);
  }, [eventId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const store = useCallback(
    async (scan: ScanRecord) => {
      await putScan(scan);
      await reload();
    },
    [reload],
  );

  /** The server's answer to one code read now (the door's POST); null when it could not be reached. */
  const sendOne = useCallback(
    async (code: string, retried = false): Promise<Answer | null> => {
      const answer = await postScan(eventId, code, lang);
      if (answer !== 'unauthenticated') return answer;
      return !retried && (await refresh()) ? sendOne(code, true) : null;
    },
    [eventId, lang],
  );

  /** Sends every waiting scan with syncCheckIns; each gets the server's outcome. Single-flight. */
  const sync = useCallback((): Promise<void> => {
    syncingRef.current ??= (async () => {
      setSyncing(true);
      try {
        let retried = false;
        for (;;) {
          const pending = (await scansOf(eventId)).filter(
            (s) => s.state === 'pending' && !sending.current.has(s.scanId),
          );
          if (!pending.length) break;
          const batch = pending.slice(-BATCH).reverse(); // oldest first: the first scan of a code wins
          const res = await client
            .mutation(
              SyncDocument,
              {
                eventId,
                scans: batch.map((s) => ({ scanId: s.scanId, code: s.code, scannedAt: s.scannedAt })),
              },
              { requestPolicy: 'network-only' },
            )
            .toPromise();
          const results = res.data?.syncCheckIns;
          if (!results) {
            const code = res.error?.graphQLErrors[0]?.extensions?.code;
            if (code === 'UNAUTHENTICATED' && !retried && (await refresh())) {
              retried = true;
              continue;
            }
            break; // no network, or refused as a whole: the scans stay queued
          }
          for (const r of results) {
            const done = await settleScan(r.scanId, {
              outcome: r.outcome,
              message: r.message ?? undefined,
              fullName: r.registration?.member.fullName,
              checkedInAt: r.registration?.checkedInAt ?? undefined,
            });
            if (done) answered.current(done);
          }
          await reload();
        }
      } finally {
        await reload();
        setSyncing(false);
        syncingRef.current = null;
      }
    })();
    return syncingRef.current;
  }, [client, eventId, reload]);

  /**
   * A code read (camera or typed): stored on the phone, then sent when possible. Returns the record
   * (pending when it could not be sent), or the earlier scan of the same code on this phone when
   * that one already let the person in or is still waiting (nothing is stored again).
   */
  const read = useCallback(
    async (code: string): Promise<{ scan: ScanRecord; earlier: boolean }> => {
      const earlier = scansRef.current.find(
        (s) =>
          s.code === code &&
          (s.state === 'pending' || s.outcome === 'OK' || s.outcome === 'ALREADY_CHECKED_IN'),
      );
      if (earlier) return { scan: earlier, earlier: true };
      const scan: ScanRecord = {
        scanId: crypto.randomUUID(),
        eventId,
        code,
        scannedAt: new Date().toISOString(),
        state: 'pending',
      };
      if (!canSend || !navigator.onLine) {
        await store(scan);
        return { scan, earlier: false };
      }
      sending.current.add(scan.scanId);
      let answer: Answer | null;
      let done: ScanRecord | null = null;
      try {
        await store(scan);
        answer = await sendOne(code);
        // answered online: the check-in is done; the stored scan becomes the record of its answer
        // (never synced again: a check-in that reached the server is not replayed). It leaves
        // `sending` only once settled, or a sync that started meanwhile would send it again.
        // the answer stands even if the phone cannot store it (quota): the person is in
        if (answer) done = await settleScan(scan.scanId, answer).catch(() => null);
      } finally {
        sending.current.delete(scan.scanId);
      }
      if (!answer) return { scan, earlier: false };
      await reload();
      return { scan: done ?? { ...scan, ...answer, state: 'done' }, earlier: false };
    },
    [canSend, eventId, reload, sendOne, store],
  );

  const pending = scans.filter((s) => s.state === 'pending').length;

  // back online (and signed in): send what waits; then keep trying while anything waits
  useEffect(() => {
    if (!canSend || !loaded || pending === 0) return;
    void sync();
    const timer = setInterval(() => void sync(), RETRY_MS);
    const onOnline = () => void sync();
    window.addEventListener('online', onOnline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [canSend, loaded, pending, sync]);

  return { scans, pending, syncing, read, sync };
}
