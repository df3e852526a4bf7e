import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { JWK, JWTPayload, SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { resolve } from 'node:path';
import {
  KeyFile,
  LoadedKeys,
  addNewKey,
  loadKeys,
  readKeyFile,
  validateKeyFile,
  createKeyFileOnce,
} from './signing-keys';

/**
 * The issuing commission's Ed25519 keys, kept outside the database: CREDENTIAL_KEYS_JSON, else the
 * file CREDENTIAL_KEYS_FILE. In development a key file is made on first start when there is none;
 * in production a missing key stops the process with a message naming the setting.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private keys?: LoadedKeys;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.keys = await loadKeys(await this.keyFile());
  }

  private async keyFile(): Promise<KeyFile> {
    if (this.config.CREDENTIAL_KEYS_JSON) {
      const file = JSON.parse(this.config.CREDENTIAL_KEYS_JSON) as KeyFile;
      validateKeyFile(file, 'CREDENTIAL_KEYS_JSON');
      return file;
    }
    // relative to the working directory (the project root for npm scripts)
    const path = resolve(this.config.CREDENTIAL_KEYS_FILE);
    const existing = readKeyFile(path);
    if (existing) return existing;
    if (this.config.NODE_ENV === 'production') {
      throw new Error(
        `CREDENTIAL_KEYS_FILE ${path} does not exist and CREDENTIAL_KEYS_JSON is not set: ` +
          'make a key with `npm run cli -- keys:generate --file <path>` and point CREDENTIAL_KEYS_FILE at it.',
      );
    }
    return createKeyFileOnce(path, await addNewKey(null));
  }

  private get loaded(): LoadedKeys {
    if (!this.keys) throw new Error('signing keys not loaded yet');
    return this.keys;
  }

  /** The public keys (all of them: rotated-out keys stay so old credentials still verify). */
  jwks(): { keys: JWK[] } {
    return this.loaded.publicJwks;
  }

  /** A compact JWS (EdDSA, Ed25519) with the active key's kid. */
  async sign(payload: JWTPayload, typ = 'JWT'): Promise<string> {
    const { kid, privateKey } = this.loaded.active;
    return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid, typ }).sign(privateKey);
  }

  /** Verifies a compact JWS made by any published key; returns its payload, or null if invalid. */
  async verify(jws: string): Promise<JWTPayload | null> {
    try {
      const { kid } = decodeProtectedHeader(jws);
      const key = kid ? this.loaded.publicKeys.get(kid) : undefined;
      if (!key) return null;
      const { payload } = await jwtVerify(jws, key, { algorithms: ['EdDSA'] });
      return payload;
    } catch {
      return null;
    }
  }
}
