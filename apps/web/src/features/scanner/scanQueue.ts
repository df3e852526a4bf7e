/**
 * Every scan of the door scanner, kept in IndexedDB (database `yvc-scanner`, store `scans`) before
 * anything is sent: closing the tab or restarting the phone loses nothing. A scan is `pending` until
 * the server answered for it (the door's POST online, `syncCheckIns` later), then `done` with the
 * server's outcome (and the name it gave). At sign-out the answered scans are forgotten
 * (forgetAnsweredScans): the names stay on a shared phone no longer than the session. The scan id (a UUID made on the phone) is what makes a resend harmless: the API keeps one
 * answer per (event, scan id). Plain IndexedDB (a few requests), no library.
 */
export type ScanState = 'pending' | 'done';

export interface ScanRecord {
  scanId: string;
  eventId: string;
  code: string;
  /** ISO time the code was read */
  scannedAt: string;
  state: ScanState;
  /** OK, ALREADY_CHECKED_IN, or the API's reason (CHECK_IN_WRONG_EVENT...) once done */
  outcome?: string;
  /** the API's sentence for a refusal, in the language of the request */
  message?: string;
  fullName?: string;
  /** when the member was checked in (for ALREADY_CHECKED_IN: the first time) */
  checkedInAt?: string;
}

const DB = 'yvc-scanner';
const STORE = 'scans';

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'scanId' });
      store.createIndex('eventId', 'eventId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
  });
  opened.catch(() => (opened = null));
  return opened;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  const t = db.transaction(STORE, mode);
  const result = done(run(t.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
  });
  return result;
}

/** Stores (or replaces) a scan; resolves once it is on disk (the transaction completed). */
export function putScan(scan: ScanRecord): Promise<IDBValidKey> {
  return tx('readwrite', (s) => s.put(scan));
}

/** The event's scans on this phone, latest first. */
export async function scansOf(eventId: string): Promise<ScanRecord[]> {
  const all = await tx('readonly', (s) => s.index('eventId').getAll(eventId) as IDBRequest<ScanRecord[]>);
  return all.sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
}

/** Merges the server's answer into a stored scan (it stays if it was removed meanwhile). */
export async function settleScan(
  scanId: string,
  answer: Pick<ScanRecord, 'outcome' | 'message' | 'fullName' | 'checkedInAt'>,
): Promise<ScanRecord | null> {
  const current = await tx('readonly', (s) => s.get(scanId) as IDBRequest<ScanRecord | undefined>);
  if (!current) return null;
  const next: ScanRecord = { ...current, ...answer, state: 'done' };
  await putScan(next);
  return next;
}

/**
 * Deletes every answered scan (they hold the names the server gave), keeping the pending ones (a
 * code and a time each: an attendance not yet sent must not be lost). Called when a session ends.
 */
export async function forgetAnsweredScans(): Promise<void> {
  const answered = (await tx('readonly', (s) => s.getAll() as IDBRequest<ScanRecord[]>))
    .filter((scan) => scan.state === 'done')
    .map((scan) => scan.scanId);
  for (const id of answered) await tx('readwrite', (s) => s.delete(id));
}
