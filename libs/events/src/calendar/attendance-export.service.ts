import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CSV_BOM, Locale, csvLine, toZonedIso, translate } from '@yvc/core';
import { DataSource } from 'typeorm';
import { Event } from '../events/event.entity';

export interface CsvFile {
  filename: string;
  body: string;
}

const HEADER_KEYS = [
  'labels.csv.fullName',
  'labels.csv.membershipNumber',
  'labels.csv.status',
  'labels.csv.checkedInAt',
  'labels.csv.checkInMethod',
  'labels.csv.walkIn',
];

interface AttendanceRow {
  full_name: string;
  member_status: string;
  membership_number: string | null;
  status: string;
  checked_in_at: Date | null;
  check_in_method: string | null;
  walk_in: boolean;
}

/** `2026-02-05 10:03` in the event's time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  return toZonedIso(at, timeZone).slice(0, 16).replace('T', ' ');
}

/**
 * The attendance list of an event as CSV for its staff: who registered (not cancelled) and who came.
 * Names and membership numbers only: no email, phone or IIN leaves the system this way.
 */
@Injectable()
export class AttendanceExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async csv(event: Pick<Event, 'id' | 'timeZone'>, locale: Locale): Promise<CsvFile> {
    const rows: AttendanceRow[] = await this.db.query(
      `SELECT m.full_name, m.status AS member_status, m.membership_number, r.status, r.checked_in_at,
              r.check_in_method, r.walk_in
       FROM registrations r JOIN members m ON m.id = r.member_id
       WHERE r.event_id = $1 AND r.status <> 'CANCELLED'
       ORDER BY m.full_name COLLATE "kk-KZ-x-icu", m.membership_number, r.created_at, r.id`,
      [event.id],
    );
    const yes = translate(locale, 'labels.yes');
    const no = translate(locale, 'labels.no');
    let body = CSV_BOM + csvLine(HEADER_KEYS.map((k) => translate(locale, k)));
    for (const r of rows) {
      body += csvLine([
        r.member_status === 'WITHDRAWN' ? translate(locale, 'labels.anonymisedMember') : r.full_name,
        r.membership_number ?? '',
        r.status,
        r.checked_in_at ? localDateTime(new Date(r.checked_in_at), event.timeZone) : '',
        r.check_in_method ?? '',
        r.walk_in ? yes : no,
      ]);
    }
    return { filename: `attendance-${event.id}.csv`, body };
  }
}
