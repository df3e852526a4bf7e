import { Controller, Get, Header } from '@nestjs/common';
import { SigningKeys } from '@yvc/credentials';
import { Public } from '../common/decorators';

/** The issuer's public keys: anyone can check our credentials with these alone. */
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return this.keys.jwks();
  }
}
