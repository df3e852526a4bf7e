import { EntityManager } from 'typeorm';
import { OutboxKind, OutboxMessage } from './outbox-message.entity';

export interface OutboxEntry {
  kind: OutboxKind;
  memberId: string;
  eventId?: string | null;
  registrationId?: string | null;
  payload?: Record<string, unknown>;
}

/** Writes notifications inside the caller's transaction, so they exist exactly when the change does. */
export async function writeOutbox(em: EntityManager, entries: OutboxEntry[]): Promise<void> {
  if (!entries.length) return;
  for (let i = 0; i < entries.length; i += 1000) {
    await em.insert(
      OutboxMessage,
      entries.slice(i, i + 1000).map((e) => ({
        kind: e.kind,
        memberId: e.memberId,
        eventId: e.eventId ?? null,
        registrationId: e.registrationId ?? null,
        payload: (e.payload ?? {}) as never,
      })),
    );
  }
}
