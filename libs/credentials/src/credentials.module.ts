import { Module } from '@nestjs/common';
import { SigningKeys } from './keys/signing-keys.service';

/** Signed credentials: keys now; certificates and badges join here. */
@Module({
  providers: [SigningKeys],
  exports: [SigningKeys],
})
export class CredentialsModule {}
