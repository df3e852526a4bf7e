import { gunzipSync, gzipSync } from 'node:zlib';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** The one status list for now; its bits are badge_awards.status_index. */
export const STATUS_LIST_ID = '1';
/** At least 16 KB (131,072 entries), so one bit tells nothing about how many awards there are. */
export const STATUS_LIST_MIN_BITS = 16 * 1024 * 8;

export const statusListUrl = (publicUrl: string, list = STATUS_LIST_ID) =>
  `${publicUrl.replace(/\/$/, '')}/credentials/status/${list}`;

export interface BadgeCredentialInput {
  publicUrl: string;
  issuerName: string;
  awardId: string;
  memberId: string;
  awardedAt: Date;
  statusIndex: number;
  badge: { code: string; name: string; description: string; criteria: string };
}

/** The Open Badges 3.0 OpenBadgeCredential of one award, with the VC-JWT claims (iss, sub, jti, nbf). */
export function openBadgeCredential(i: BadgeCredentialInput): Record<string, unknown> {
  const base = i.publicUrl.replace(/\/$/, '');
  const id = `urn:uuid:${i.awardId}`;
  const subject = `urn:uuid:${i.memberId}`;
  const list = statusListUrl(base);
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: i.badge.name,
    issuer: { id: base, type: ['Profile'], name: i.issuerName },
    validFrom: i.awardedAt.toISOString(),
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: `${base}/badges/${i.badge.code}`,
        type: ['Achievement'],
        name: i.badge.name,
        description: i.badge.description,
        criteria: { narrative: i.badge.criteria },
        image: { id: `${base}/badges/${i.badge.code}.svg`, type: 'Image' },
      },
    },
    credentialStatus: {
      id: `${list}#${i.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(i.statusIndex),
      statusListCredential: list,
    },
    iss: base,
    sub: subject,
    jti: id,
    nbf: Math.floor(i.awardedAt.getTime() / 1000),
    iat: Math.floor(Date.now() / 1000),
  };
}

/**
 * The encodedList of a Bitstring Status List: the bitstring (bit i = the i-th from the left, i.e.
 * the high bit of byte i/8 first) GZIP-compressed, base64url without padding, with the multibase
 * prefix "u" (W3C Bitstring Status List v1.0).
 */
export function encodeStatusList(setBits: Iterable<number>, minBits = STATUS_LIST_MIN_BITS): string {
  const bits = [...setBits];
  const size = Math.max(minBits, ...bits.map((b) => b + 1));
  const bytes = Buffer.alloc(Math.ceil(size / 8));
  for (const b of bits) bytes[b >> 3] |= 0x80 >> (b & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** Reads bit `index` of an encodedList (with or without the "u" prefix). */
export function statusListBit(encodedList: string, index: number): boolean {
  const raw = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  const bytes = gunzipSync(Buffer.from(raw, 'base64url'));
  return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

/** The BitstringStatusListCredential, as the payload of a VC-JWT. */
export function statusListCredential(
  publicUrl: string,
  issuerName: string,
  encodedList: string,
  now: Date,
): Record<string, unknown> {
  const base = publicUrl.replace(/\/$/, '');
  const id = statusListUrl(base);
  return {
    '@context': [VC_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: base, type: ['Profile'], name: issuerName },
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
    iss: base,
    sub: `${id}#list`,
    jti: id,
    nbf: Math.floor(now.getTime() / 1000),
    iat: Math.floor(now.getTime() / 1000),
  };
}
