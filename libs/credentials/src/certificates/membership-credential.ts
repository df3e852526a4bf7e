import type { JWTPayload } from 'jose';

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
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A W3C Verifiable Credential (data model 2.0) for a club membership. Signed as a compact JWS
 * whose payload is the credential itself (VC-JOSE-COSE), plus the registered JWT claims iss, sub,
 * jti and iat so that any JWT library can check it; no `exp`, so an expired credential still shows
 * a valid signature (validUntil says it is over).
 */
export function membershipCredential(i: MembershipCredentialInput): JWTPayload {
  const id = `urn:uuid:${i.certificateId}`;
  const subject = `urn:uuid:${i.memberId}`;
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
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
    iss: i.issuerId,
    sub: subject,
    jti: id,
    iat: Math.floor(i.validFrom.getTime() / 1000),
  };
}
