export * from './keys/signing-keys';
export * from './keys/signing-keys.service';
export * from './credentials.module';
