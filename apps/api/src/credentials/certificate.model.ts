import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CertificateStatus } from '@yvc/credentials';

registerEnumType(CertificateStatus, { name: 'CertificateStatus' });

/** A membership certificate (a signed W3C Verifiable Credential); fields resolved in CertificatesResolver. */
@ObjectType('Certificate')
export class CertificateModel {
  @Field(() => ID)
  id: string;

  @Field({
    description:
      'e.g. ZHM-2026-000123-C1: the membership number and the certificate sequence; WITHDRAWN-<n> once the holder withdrew consent',
  })
  number: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedReason: string | null;

  @Field({ description: 'the id of the key that signed it (see /.well-known/jwks.json)' })
  kid: string;

  @Field(() => String, {
    nullable: true,
    description:
      'the certificate as a signed W3C Verifiable Credential (compact VC-JWT, EdDSA); null once the holder withdrew consent (erased)',
  })
  credential: string | null;

  memberId: string;
  status: string;
}

/** Public: what anyone holding a certificate number may learn. */
@ObjectType('CertificateVerification')
export class CertificateVerificationModel {
  @Field()
  number: string;

  @Field()
  valid: boolean;

  @Field(() => CertificateStatus, { nullable: true })
  status: CertificateStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'shown only while valid; initials only for a holder under 18',
  })
  holderName: string | null;

  @Field(() => String, { nullable: true })
  issuer: string | null;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;
}
