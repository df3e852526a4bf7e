import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldProblems,
  ageOn,
  isUuid,
  localDate,
  parseDateTime,
} from '@yvc/core';
import { returnedRows, uniqueViolation } from '@yvc/database';
import { ClubMembershipsService, Member, MemberStatus, MembersService, Role } from '@yvc/identity';
import { ClubsService } from '@yvc/org';
import { decodeProtectedHeader } from 'jose';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { CredentialsError, credentialsError } from '../credentials.errors';
import { SigningKeys } from '../keys/signing-keys.service';
import {
  Certificate,
  CertificateStatus,
  StoredCertificateStatus,
  effectiveStatus,
} from './certificate.entity';
import { CertificateCard, renderCertificatePdf } from './certificate-pdf';
import { QR_TOKEN_TYP, VC_JWT_TYP, membershipCredential, qrTokenClaims } from './membership-credential';

export const REISSUED = 'reissued';
export const CONSENT_WITHDRAWN = 'consent withdrawn';
const REASON_MAX = 500;

/** What anyone holding a certificate number may learn. */
export interface CertificateCheck {
  number: string;
  valid: boolean;
  status: CertificateStatus | null;
  holderName: string | null;
  issuer: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
}

/** "Әлихан Сәрсенбаев" → "Ә. С." */
export function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0].toLocaleUpperCase('kk')}.`)
    .join(' ');
}

@Injectable()
export class CertificatesService {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly keys: SigningKeys,
    private readonly members: MembersService,
    private readonly memberships: ClubMembershipsService,
    private readonly clubs: ClubsService,
  ) {}

  /** A member's certificates as plain data, for their data export (the signed credential too). */
  exportForMember(memberId: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT number, status, issued_at AS "issuedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
              revoked_reason AS "revokedReason", credential
       FROM certificates WHERE member_id = $1 ORDER BY issued_at`,
      [memberId],
    );
  }

  private get publicUrl(): string {
    return this.config.PUBLIC_URL.replace(/\/+$/, '');
  }

  /**
   * What the QR code opens: the page, with a short token signed by our key (see `qrTokenClaims`)
   * so a phone can check it offline. Ed25519 signatures are deterministic: the same link each time
   * while the key is the same.
   */
  async verifyUrl(c: Pick<Certificate, 'number' | 'expiresAt' | 'statusIndex'>): Promise<string> {
    const token = await this.keys.sign(qrTokenClaims(c), QR_TOKEN_TYP);
    return `${this.publicUrl}/verify/${encodeURIComponent(c.number)}?c=${token}`;
  }

  pdfUrl(c: Pick<Certificate, 'id'>): string {
    return `${this.publicUrl}/certificates/${c.id}.pdf`;
  }

  status(c: Certificate): CertificateStatus {
    return effectiveStatus(c, this.clock.now());
  }

  /** Valid until the end of the next calendar year, in Almaty time. */
  expiryFor(issuedAt: Date): Date {
    const year = Number(localDate(issuedAt).slice(0, 4));
    return parseDateTime(`${year + 1}-12-31T23:59:59`)!;
  }

  async get(id: string): Promise<Certificate> {
    const found = isUuid(id) ? await this.certificates.findOneBy({ id }) : null;
    if (!found) throw credentialsError(CredentialsError.CERTIFICATE_NOT_FOUND);
    return found;
  }

  /** A certificate by its printed number (any case, spaces around ignored); null when there is none. */
  findByNumber(number: string): Promise<Certificate | null> {
    const normalized = (number ?? '').trim().toUpperCase();
    if (!normalized || normalized.length > 48) return Promise.resolve(null);
    return this.certificates.findOneBy({ number: normalized });
  }

  /** The current certificate of each member (VALID first, else the latest): one query for a list. */
  async currentForMany(memberIds: readonly string[]): Promise<Map<string, Certificate>> {
    if (!memberIds.length) return new Map();
    const rows = await this.certificates
      .createQueryBuilder('c')
      .distinctOn(['c.member_id'])
      .where('c.member_id = ANY(:ids)', { ids: [...memberIds] })
      .orderBy('c.member_id')
      .addOrderBy(`(c.status = 'VALID')`, 'DESC')
      .addOrderBy('c.issued_at', 'DESC')
      .getMany();
    return new Map(rows.map((c) => [c.memberId, c]));
  }

  currentFor(memberId: string): Promise<Certificate | null> {
    return this.certificates
      .createQueryBuilder('c')
      .where('c.member_id = :memberId', { memberId })
      .orderBy(`(c.status = 'VALID')`, 'DESC')
      .addOrderBy('c.issued_at', 'DESC')
      .getOne();
  }

  /**
   * Issues a certificate to an active young member with a membership number. A VALID one they
   * already hold is revoked ("reissued") in the same transaction; the member's row lock orders
   * concurrent issues, and the partial unique index keeps one VALID certificate per member.
   */
  async issue(memberId: string, issuedBy: string): Promise<Certificate> {
    const member = await this.members.get(memberId);
    if (member.role !== Role.MEMBER || member.status !== MemberStatus.ACTIVE || !member.membershipNumber)
      throw credentialsError(CredentialsError.CERTIFICATE_MEMBER_NOT_ELIGIBLE);
    const club = await this.clubName(member.id);
    try {
      return await this.db.transaction(async (em) => {
        const [locked]: Array<{ status: MemberStatus; membership_number: string | null; full_name: string }> =
          await em.query(
            `SELECT status, membership_number, full_name FROM members WHERE id = $1 FOR UPDATE`,
            [member.id],
          );
        if (!locked || locked.status !== MemberStatus.ACTIVE || !locked.membership_number)
          throw credentialsError(CredentialsError.CERTIFICATE_MEMBER_NOT_ELIGIBLE);
        const [{ n }]: Array<{ n: number }> = await em.query(
          `SELECT count(*)::int AS n FROM certificates WHERE member_id = $1`,
          [member.id],
        );
        const now = this.clock.now();
        await em.query(
          `UPDATE certificates SET status = 'REVOKED', revoked_at = $2, revoked_reason = $3
           WHERE member_id = $1 AND status = 'VALID'`,
          [member.id, now, REISSUED],
        );
        const [{ idx }]: Array<{ idx: number }> = await em.query(
          `SELECT nextval(pg_get_serial_sequence('certificates', 'status_index'))::int AS idx`,
        );
        const id = randomUUID();
        const number = `${locked.membership_number}-C${n + 1}`;
        const expiresAt = this.expiryFor(now);
        const payload = membershipCredential({
          certificateId: id,
          number,
          memberId: member.id,
          name: locked.full_name,
          membershipNumber: locked.membership_number,
          club,
          validFrom: now,
          validUntil: expiresAt,
          issuerId: this.publicUrl,
          issuerName: this.config.CREDENTIAL_ISSUER_NAME,
          statusIndex: idx,
        });
        const credential = await this.keys.sign(payload, VC_JWT_TYP);
        // raw: TypeORM leaves a @Generated column out of an INSERT, and the bit is already signed
        await em.query(
          `INSERT INTO certificates (id, number, member_id, status, issued_at, expires_at, issued_by, kid,
             credential, status_index)
           VALUES ($1, $2, $3, 'VALID', $4, $5, $6, $7, $8, $9)`,
          [
            id,
            number,
            member.id,
            now,
            expiresAt,
            issuedBy,
            decodeProtectedHeader(credential).kid!,
            credential,
            idx,
          ],
        );
        return em.findOneByOrFail(Certificate, { id });
      });
    } catch (err) {
      if (uniqueViolation(err)) throw credentialsError(CredentialsError.CERTIFICATE_CONCURRENT_CHANGE);
      throw err;
    }
  }

  /** Revokes a VALID (or expired) certificate; the reason is required and kept. */
  async revoke(id: string, reason: string): Promise<Certificate> {
    const text = (reason ?? '').trim();
    const problems = new FieldProblems();
    if (!text) problems.add('reason', 'validation.required');
    else if (text.length > REASON_MAX) problems.add('reason', 'validation.tooLong', { max: REASON_MAX });
    problems.throwIfAny();
    const cert = await this.get(id);
    const now = this.clock.now();
    const res = await this.certificates
      .createQueryBuilder()
      .update()
      .set({ status: StoredCertificateStatus.REVOKED, revokedAt: now, revokedReason: text })
      .where('id = :id AND status = :valid', { id: cert.id, valid: StoredCertificateStatus.VALID })
      .execute();
    if (!res.affected) throw credentialsError(CredentialsError.CERTIFICATE_NOT_VALID);
    return this.get(cert.id);
  }

  /**
   * After the holder withdrew consent (the CONSENT_WITHDRAWN follow-up): every certificate of the
   * member is revoked (its status bit set), its signed credential (name, membership number, club)
   * dropped and its number, which carries the membership number, replaced by
   * `WITHDRAWN-<status_index>`. One conditional UPDATE: running it again, or twice at once,
   * changes nothing more. Does nothing for a member who has not withdrawn. Returns how many.
   */
  async eraseForWithdrawnMember(memberId: string): Promise<number> {
    const member = await this.members.get(memberId).catch(() => null);
    if (!member || member.status !== MemberStatus.WITHDRAWN) return 0;
    const rows = returnedRows(
      await this.db.query(
        `UPDATE certificates SET status = 'REVOKED', revoked_at = coalesce(revoked_at, $2), revoked_reason = $3,
           number = 'WITHDRAWN-' || status_index, credential = NULL, erased_at = $2
         WHERE member_id = $1 AND erased_at IS NULL RETURNING id`,
        [memberId, this.clock.now(), CONSENT_WITHDRAWN],
      ),
    );
    return rows.length;
  }

  /**
   * The public check by number. An unknown number reveals nothing but "not found"; the holder's
   * name shows only while the certificate is valid, and only as initials for a minor (under 18
   * today in Almaty).
   */
  async check(number: string, link?: string | null): Promise<CertificateCheck> {
    const normalized = (number ?? '').trim().toUpperCase().slice(0, 64);
    const none: CertificateCheck = {
      number: normalized,
      valid: false,
      status: null,
      holderName: null,
      issuer: null,
      issuedAt: null,
      expiresAt: null,
    };
    const cert = normalized
      ? ((await this.certificates.findOneBy({ number: normalized })) ??
        (await this.erasedByLink(normalized, link)))
      : null;
    if (!cert) return none;
    const [member] = await this.members.findByIds([cert.memberId]);
    // consent withdrawn: the person is erased, so the certificate no longer vouches for anyone
    const withdrawn = !member || member.status === MemberStatus.WITHDRAWN;
    let status = this.status(cert);
    if (withdrawn && status === CertificateStatus.VALID) status = CertificateStatus.REVOKED;
    const valid = status === CertificateStatus.VALID;
    const holderName = valid && member ? this.publicName(member) : null;
    return {
      // an erased certificate answers with the number the visitor holds, not its placeholder
      number: cert.erasedAt ? normalized : cert.number,
      valid,
      status,
      holderName,
      issuer: this.config.CREDENTIAL_ISSUER_NAME,
      issuedAt: cert.issuedAt,
      expiresAt: cert.expiresAt,
    };
  }

  /**
   * An erased certificate (its holder withdrew consent) no longer has its number. A printed card's
   * QR link still carries our signed token naming the number and the status bit, so that link
   * finds it (to say REVOKED, with no name); the number typed alone answers "not found".
   */
  private async erasedByLink(number: string, jws: string | null | undefined): Promise<Certificate | null> {
    if (!jws) return null;
    const payload = (await this.keys.verify(jws)) as {
      sub?: string;
      vu?: unknown;
      st?: unknown;
      credentialSubject?: { certificateNumber?: string };
      credentialStatus?: { statusListIndex?: unknown };
    } | null;
    if (!payload) return null;
    const index =
      typeof payload.vu === 'number'
        ? payload.sub === number
          ? Number(payload.st)
          : NaN
        : payload.credentialSubject?.certificateNumber === number
          ? Number(payload.credentialStatus?.statusListIndex)
          : NaN;
    if (!Number.isInteger(index)) return null;
    const cert = await this.certificates.findOneBy({ statusIndex: index });
    return cert?.erasedAt ? cert : null;
  }

  /**
   * Checks a credential carried in a verify link: the signature with our published keys, and that
   * it is the credential of this certificate number. true / false; null when there is none.
   */
  async checkLink(number: string, jws: string | undefined | null): Promise<boolean | null> {
    if (!jws) return null;
    const payload = (await this.keys.verify(jws)) as {
      sub?: string;
      vu?: unknown;
      credentialSubject?: { certificateNumber?: string };
    } | null;
    if (!payload) return false;
    const n = (number ?? '').trim().toUpperCase();
    // the QR token (sub + vu), or the whole VC-JWT (older cards carried that)
    return typeof payload.vu === 'number'
      ? payload.sub === n
      : payload.credentialSubject?.certificateNumber === n;
  }

  /** The printable card. */
  async pdf(cert: Certificate): Promise<Buffer> {
    const member = await this.members.get(cert.memberId);
    // an erased certificate (consent withdrawn) has no credential left: no club, no name
    const payload = cert.credential
      ? (JSON.parse(Buffer.from(cert.credential.split('.')[1], 'base64url').toString('utf8')) as {
          credentialSubject: { club: string | null; name: string };
        })
      : null;
    const card: CertificateCard = {
      holderName: member.status === MemberStatus.WITHDRAWN ? '—' : member.fullName,
      number: cert.number,
      club: payload?.credentialSubject.club ?? null,
      issuedAt: cert.issuedAt,
      expiresAt: cert.expiresAt,
      issuerName: this.config.CREDENTIAL_ISSUER_NAME,
      verifyUrl: await this.verifyUrl(cert),
      revoked: this.status(cert) !== CertificateStatus.VALID,
    };
    return renderCertificatePdf(card);
  }

  private publicName(member: Member): string {
    const minor = !!member.birthDate && ageOn(member.birthDate, localDate(this.clock.now())) < 18;
    return minor ? initials(member.fullName) : member.fullName;
  }

  /** The member's club for the credential: the first by name among current memberships. */
  private async clubName(memberId: string): Promise<string | null> {
    const ids = (await this.memberships.clubIdsByMember([memberId])).get(memberId) ?? [];
    if (!ids.length) return null;
    const clubs = await this.clubs.findByIds(ids);
    const first = ids.map((id) => clubs.find((c) => c.id === id)).find(Boolean);
    return first?.name ?? null;
  }
}
