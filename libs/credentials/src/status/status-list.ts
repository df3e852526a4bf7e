import { gunzipSync, gzipSync } from 'node:zlib';
import { VC_CONTEXT } from '../vc-context';

/**
 * Our revocation lists (W3C Bitstring Status List v1.0), each published as a signed VC-JWT at
 * /credentials/status/<id>: "1" holds badge awards (badge_awards.status_index), "2" membership
 * certificates (certificates.status_index). A set bit means revoked.
 */
export const STATUS_LISTS = { badges: '1', certificates: '2' } as const;
export type StatusListId = (typeof STATUS_LISTS)[keyof typeof STATUS_LISTS];

export const isStatusListId = (v: string): v is StatusListId =>
  (Object.values(STATUS_LISTS) as string[]).includes(v);

/** At least 16 KB (131,072 entries), so one bit tells nothing about how many credentials there are. */
export const STATUS_LIST_MIN_BITS = 16 * 1024 * 8;

export const statusListUrl = (publicUrl: string, list: StatusListId) =>
  `${publicUrl.replace(/\/$/, '')}/credentials/status/${list}`;

/** The `credentialStatus` entry of a credential whose bit is `index` in `list`. */
export function statusEntry(publicUrl: string, list: StatusListId, index: number): Record<string, string> {
  const url = statusListUrl(publicUrl, list);
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: url,
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
  list: StatusListId,
  issuerName: string,
  encodedList: string,
  now: Date,
): Record<string, unknown> {
  const base = publicUrl.replace(/\/$/, '');
  const id = statusListUrl(base, list);
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
