import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Certificate, CertificateStatus, CertificatesService, VerifyThrottle } from '@yvc/credentials';
import { AccessPolicy, Actor, MembersService, Role } from '@yvc/identity';
import { CurrentActor, Public, Roles, Staff } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberModel } from '../members/member.model';
import { CertificateModel, CertificateVerificationModel } from './certificate.model';

@Resolver(() => CertificateModel)
export class CertificatesResolver {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly throttle: VerifyThrottle,
    private readonly policy: AccessPolicy,
    private readonly members: MembersService,
  ) {}

  @Roles(Role.COORDINATOR, Role.COMMISSION, Role.ADMIN)
  @Mutation(() => CertificateModel, {
    description:
      'By a coordinator of one of the member\'s clubs or the commission over the member. A valid one the member holds is revoked as "reissued".',
  })
  async issueCertificate(
    @CurrentActor() actor: Actor,
    @Args('memberId', { type: () => ID }) memberId: string,
  ) {
    const member = await this.members.get(memberId);
    await this.policy.assert(this.policy.canActForMember(actor, member.id));
    return this.certificates.issue(member.id, actor.memberId);
  }

  @Roles(Role.COORDINATOR, Role.COMMISSION, Role.ADMIN)
  @Mutation(() => CertificateModel, {
    description: 'The reason is required and is kept with the certificate.',
  })
  async revokeCertificate(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    const cert = await this.certificates.get(id);
    await this.policy.assert(this.policy.canActForMember(actor, cert.memberId));
    return this.certificates.revoke(cert.id, reason);
  }

  @Staff()
  @Query(() => CertificateModel, {
    nullable: true,
    description:
      'A certificate by its number, for staff in scope of its holder (null when there is no such number): to revoke or reissue it.',
  })
  async certificate(@CurrentActor() actor: Actor, @Args('number') number: string) {
    const cert = await this.certificates.findByNumber(number);
    if (!cert) return null;
    await this.policy.assert(this.policy.canSeeMember(actor, cert.memberId));
    return cert;
  }

  @Public()
  @Query(() => CertificateVerificationModel, {
    description: 'Public check of a certificate number (rate-limited per IP).',
  })
  async verifyCertificate(@Args('number') number: string, @Context() ctx: GqlContext) {
    await this.throttle.consume(ctx.req.ip ?? 'unknown');
    return this.certificates.check(number);
  }

  @ResolveField(() => CertificateStatus)
  status(@Parent() c: Certificate): CertificateStatus {
    return this.certificates.status(c);
  }

  @ResolveField(() => String, { description: 'what the QR code on the certificate opens' })
  verifyUrl(@Parent() c: Certificate): Promise<string> {
    return this.certificates.verifyUrl(c);
  }

  @ResolveField(() => String, {
    description: 'the printable card (Bearer token: the member or staff in scope)',
  })
  pdfUrl(@Parent() c: Certificate): string {
    return this.certificates.pdfUrl(c);
  }

  @ResolveField(() => MemberModel)
  member(@Parent() c: Certificate) {
    return this.members.get(c.memberId);
  }
}

@Resolver(() => MemberModel)
export class MemberCertificateResolver {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly policy: AccessPolicy,
  ) {}

  @ResolveField(() => CertificateModel, {
    nullable: true,
    description: 'The valid certificate, else the latest one: for the member and staff in scope.',
  })
  async certificate(@Parent() m: MemberModel, @Context() ctx: GqlContext) {
    const viewer = ctx.req.user;
    if (!viewer) return null;
    if (viewer.memberId !== m.id && !(await ctx.loaders.memberVisible.load(m.id))) return null;
    return ctx.loaders.memberCertificate.load(m.id);
  }
}
