import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { JWK, KeyLike, exportJWK, generateKeyPair, importJWK } from 'jose';

/** A stored signing key: a private Ed25519 JWK with its kid and when it was made. */
export interface StoredKey extends JWK {
  kid: string;
  created: string;
}

export interface KeyFile {
  /** the kid that signs new credentials; the others stay published so old credentials verify */
  active: string;
  keys: StoredKey[];
}

/** Makes a new Ed25519 key and makes it the active one (rotation: the old keys stay). */
export async function addNewKey(file: KeyFile | null): Promise<KeyFile> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  const created = new Date().toISOString();
  const kid = `yvc-${created.slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  const key: StoredKey = { ...jwk, kid, alg: 'EdDSA', use: 'sig', created };
  return { active: kid, keys: [...(file?.keys ?? []), key] };
}

export function readKeyFile(path: string): KeyFile | null {
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  validateKeyFile(parsed, path);
  return parsed;
}

export function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  try {
    writeFileSync(path, readFileSync(tmp), { mode: 0o600 }); // overwrite (rotation)
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Writes a first key file only if none exists, atomically (a hard link of a complete temp file):
 * processes starting together all end up with the one that won. Returns the file in force.
 */
export function createKeyFileOnce(path: string, file: KeyFile): KeyFile {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, path);
    return file;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readKeyFile(path)!;
  } finally {
    unlinkSync(tmp);
  }
}

export function validateKeyFile(file: KeyFile, where: string): void {
  if (!file || !Array.isArray(file.keys) || !file.keys.length) throw new Error(`${where}: no keys`);
  for (const k of file.keys) {
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519' || !k.d || !k.x || !k.kid)
      throw new Error(`${where}: key ${k.kid ?? '?'} is not a private Ed25519 JWK`);
  }
  if (!file.keys.some((k) => k.kid === file.active))
    throw new Error(`${where}: the active kid ${file.active} is not among the keys`);
}

export interface LoadedKeys {
  active: { kid: string; privateKey: KeyLike | Uint8Array };
  publicJwks: { keys: JWK[] };
  publicKeys: Map<string, KeyLike | Uint8Array>;
}

/** Public parts only, for GET /.well-known/jwks.json. */
export async function loadKeys(file: KeyFile): Promise<LoadedKeys> {
  const publicJwks = file.keys.map(({ kty, crv, x, kid }) => ({
    kty,
    crv,
    x,
    kid,
    alg: 'EdDSA',
    use: 'sig',
  }));
  const publicKeys = new Map<string, KeyLike | Uint8Array>();
  for (const jwk of publicJwks) publicKeys.set(jwk.kid, await importJWK(jwk, 'EdDSA'));
  const activeJwk = file.keys.find((k) => k.kid === file.active)!;
  const { created: _created, ...privateJwk } = activeJwk;
  return {
    active: { kid: file.active, privateKey: await importJWK(privateJwk, 'EdDSA') },
    publicJwks: { keys: publicJwks },
    publicKeys,
  };
}
