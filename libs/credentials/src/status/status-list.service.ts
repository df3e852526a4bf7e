import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@yvc/core';
import { DataSource } from 'typeorm';
import { SigningKeys } from '../keys/signing-keys.service';
import { STATUS_LISTS, StatusListId, encodeStatusList, statusListCredential } from './status-list';

/** Which rows set a bit, per list. */
const REVOKED_BITS: Record<StatusListId, string> = {
  [STATUS_LISTS.badges]: `SELECT status_index FROM badge_awards WHERE revoked_at IS NOT NULL`,
  [STATUS_LISTS.certificates]: `SELECT status_index FROM certificates WHERE status = 'REVOKED'`,
};

/** Builds and signs our Bitstring Status List credentials from the rows as they are now. */
@Injectable()
export class StatusListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly keys: SigningKeys,
  ) {}

  /** The signed BitstringStatusListCredential (a VC-JWT) of `list`: bit i set = credential i revoked. */
  async jwt(list: StatusListId): Promise<string> {
    const rows: Array<{ status_index: number }> = await this.db.query(REVOKED_BITS[list]);
    const payload = statusListCredential(
      this.config.PUBLIC_URL,
      list,
      this.config.CREDENTIAL_ISSUER_NAME,
      encodeStatusList(rows.map((r) => r.status_index)),
      this.clock.now(),
    );
    return this.keys.sign(payload, 'vc+jwt');
  }
}
