import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TipKeyring } from '../../config/env';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for the content of confidential reports. A sealed value is one `bytea`:
 * `[version 1][key id length][key id][12-byte IV][16-byte tag][ciphertext]`, so each value says
 * which key sealed it and keys can be rotated (docs/configuration.md). The associated data binds
 * a value to its row and column (`tip:<id>:contact`, `tip_entry:<id>`, `tip_photo:<entry id>`): a value copied into
 * another row does not open.
 */
export class TipCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(private readonly keyring: TipKeyring) {
    this.keys = new Map(
      Object.entries(keyring.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')]),
    );
  }

  get currentKeyId(): string {
    return this.keyring.currentKeyId;
  }

  seal(plaintext: string, associatedData: string): Buffer {
    return this.sealBytes(Buffer.from(plaintext, 'utf8'), associatedData);
  }

  open(sealed: Uint8Array, associatedData: string): string {
    return this.openBytes(sealed, associatedData).toString('utf8');
  }

  /** Seals bytes (a photo) the same way as text. */
  sealBytes(plaintext: Uint8Array, associatedData: string): Buffer {
    const keyId = Buffer.from(this.keyring.currentKeyId, 'utf8');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyring.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([
      Buffer.from([VERSION, keyId.length]),
      keyId,
      iv,
      cipher.getAuthTag(),
      body,
    ]);
  }

  openBytes(sealed: Uint8Array, associatedData: string): Buffer {
    const { keyId, iv, tag, body } = parse(sealed);
    const key = this.keys.get(keyId);
    if (!key) throw new TipKeyMissingError(keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }

  /** The id of the key that sealed a value (for rotation). */
  static keyIdOf(sealed: Uint8Array): string {
    return parse(sealed).keyId;
  }
}

function parse(value: Uint8Array) {
  // A driver may hand bytea back as a plain Uint8Array: read it as a Buffer.
  const sealed = Buffer.isBuffer(value)
    ? value
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (sealed.length < 2 || sealed[0] !== VERSION) throw new Error('Not a sealed tip value');
  const idEnd = 2 + sealed[1];
  const keyId = sealed.subarray(2, idEnd).toString('utf8');
  const iv = sealed.subarray(idEnd, idEnd + IV_BYTES);
  const tag = sealed.subarray(idEnd + IV_BYTES, idEnd + IV_BYTES + TAG_BYTES);
  const body = sealed.subarray(idEnd + IV_BYTES + TAG_BYTES);
  if (tag.length !== TAG_BYTES) throw new Error('Not a sealed tip value');
  return { keyId, iv, tag, body };
}

/** A value sealed with a key the configuration no longer lists (retired too early, or lost). */
export class TipKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`Tip content sealed with key "${keyId}", which TIPS_ENCRYPTION_KEYS no longer lists`);
  }
}
