import type { JWTPayload } from 'jose';
import { STATUS_LISTS, statusEntry } from '../status/status-list';
import { VC_CONTEXT } from '../vc-context';

/** The JOSE `typ` of a VC-JWT (W3C VC-JOSE-COSE: media type application/vc+jwt). */
export const VC_JWT_TYP = 'vc+jwt';

export interface MembershipCredentialInput {
  certificateId: string;
  number: string;
  memberId: string;
  name: string;
  membershipNumber: string;
  club: string | null;
  validFrom: Date;
  validUntil: Date;
  issuerId: string;
  issuerName: string;
  /** The certificate's bit in status list 2 (revocation). */
  statusIndex: number;
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A W3C Verifiable Credential (data model 2.0) for a club membership. Signed as a compact JWS
 * whose payload is the credential itself (VC-JOSE-COSE), plus the registered JWT claims iss, sub,
 * jti and iat so that any JWT library can check it; no `exp`, so an expired credential still shows
 * a valid signature (validUntil says it is over). Revocation is in `credentialStatus`: bit
 * `statusIndex` of our signed Bitstring Status List 2, so a verifier needs no call to our database.
 */
export function membershipCredential(i: MembershipCredentialInput): JWTPayload {
  const id = `urn:uuid:${i.certificateId}`;
  const subject = `urn:uuid:${i.memberId}`;
  return {
    '@context': [VC_CONTEXT],
    id,
    type: ['VerifiableCredential', 'MembershipCredential'],
    issuer: { id: i.issuerId, name: i.issuerName },
    validFrom: stamp(i.validFrom),
    validUntil: stamp(i.validUntil),
    credentialSubject: {
      id: subject,
      name: i.name,
      membershipNumber: i.membershipNumber,
      certificateNumber: i.number,
      club: i.club,
    },
    credentialStatus: statusEntry(i.issuerId, STATUS_LISTS.certificates, i.statusIndex),
    iss: i.issuerId,
    sub: subject,
    jti: id,
    iat: Math.floor(i.validFrom.getTime() / 1000),
  };
}

/** The JOSE `typ` of the short token in a certificate's QR link. */
export const QR_TOKEN_TYP = 'yvc-cert+jwt';

/**
 * The claims of the short signed token the QR code carries (about 280 characters, against some
 * 1,200 for the whole VC-JWT, so the code stays coarse enough for a phone on a printed card):
 * `sub` the certificate number, `vu` valid until (epoch seconds), `st` its bit in status list 2.
 * Signed with the same Ed25519 key as the credential, so the JWKS alone checks it offline.
 */
export function qrTokenClaims(c: { number: string; expiresAt: Date; statusIndex: number }): JWTPayload {
  return { sub: c.number, vu: Math.floor(c.expiresAt.getTime() / 1000), st: c.statusIndex };
}
