import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@yvc/identity';
import { Certificate } from './certificates/certificate.entity';
import { CertificatesService } from './certificates/certificates.service';
import { VerifyThrottle } from './certificates/verify-throttle';
import { BadgesService } from './badges/badges.service';
import { SigningKeys } from './keys/signing-keys.service';
import { StatusListService } from './status/status-list.service';

/** Signed credentials: keys, badges and membership certificates. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Certificate])],
  providers: [SigningKeys, BadgesService, CertificatesService, VerifyThrottle, StatusListService],
  exports: [SigningKeys, BadgesService, CertificatesService, VerifyThrottle, StatusListService],
})
export class CredentialsModule {}
