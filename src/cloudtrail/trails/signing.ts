/**
 * Signing digest files as CloudTrail does (User Guide, "Custom implementations of
 * CloudTrail log file integrity validation"): build the data signing string, hash it
 * with SHA-256 and sign with RSA (SHA256withRSA, PKCS#1 v1.5, which is deterministic), hex
 * the signature. The public key is published as the "DER encoded public key value in
 * PKCS #1 format" with a fingerprint; the fingerprint is the hex MD5 of those DER bytes
 * (checked against the three keys in that page's `list-public-keys` sample: each sample
 * fingerprint is the MD5 of its base64-decoded `Value`).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { TrailsimInputError } from '../../core/errors.js';
import { TRAILSIM_TEST_PRIVATE_KEY_PEM } from './test-key.js';

/** `digestSignatureAlgorithm` and `x-amz-meta-signature-algorithm`. */
export const DIGEST_SIGNATURE_ALGORITHM = 'SHA256withRSA';

/**
 * The data signing string: digest end time (UTC extended format), `bucket/key` of the
 * digest, hex SHA-256 of the (uncompressed) digest, and the previous digest's hex
 * signature; for a starting digest (no previous) the last line is `null`, as the AWS CLI's
 * validator writes it "to match the Java implementation" (awscli validation.py).
 */
export function digestSigningString(endTime: string, bucket: string, key: string, digestSha256Hex: string, previousSignature: string | null): string {
  return `${endTime}\n${bucket}/${key}\n${digestSha256Hex}\n${previousSignature ?? 'null'}`;
}

/** Hex MD5 of a DER-encoded PKCS#1 public key: CloudTrail's public key fingerprint. */
export function publicKeyFingerprint(pkcs1Der: Uint8Array): string {
  return createHash('md5').update(pkcs1Der).digest('hex');
}

/** A public key as ListPublicKeys returns it. */
export interface PublicKeyInfo {
  /** DER-encoded PKCS#1 RSAPublicKey. */
  Value: Uint8Array;
  ValidityStartTime: Date;
  ValidityEndTime: Date;
  Fingerprint: string;
}

/** Signs digests with one RSA private key. */
export class DigestSigner {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** DER PKCS#1 public key (ListPublicKeys `Value`). */
  readonly publicKeyDer: Buffer;
  readonly fingerprint: string;

  constructor(key: string | KeyObject = TRAILSIM_TEST_PRIVATE_KEY_PEM) {
    const priv = typeof key === 'string' ? createPrivateKey(key) : key;
    if (priv.type !== 'private' || priv.asymmetricKeyType !== 'rsa') throw new TrailsimInputError('The digest signing key must be an RSA private key (PEM or KeyObject).');
    this.privateKey = priv;
    this.publicKey = createPublicKey(priv);
    this.publicKeyDer = this.publicKey.export({ type: 'pkcs1', format: 'der' });
    this.fingerprint = publicKeyFingerprint(this.publicKeyDer);
  }

  /** Hex SHA256withRSA signature of `data`. */
  sign(data: string): string {
    return sign('sha256', Buffer.from(data, 'utf8'), this.privateKey).toString('hex');
  }
}

/** Verifies a hex SHA256withRSA signature with a public key (KeyObject, PEM, or DER PKCS#1 bytes). */
export function verifyDigestSignature(publicKey: KeyObject | string | Uint8Array, data: string, signatureHex: string): boolean {
  const key =
    typeof publicKey === 'string'
      ? createPublicKey(publicKey)
      : publicKey instanceof Uint8Array
        ? createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'pkcs1' })
        : publicKey;
  if (!/^(?:[0-9a-f]{2})+$/i.test(signatureHex)) return false;
  try {
    return verify('sha256', Buffer.from(data, 'utf8'), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
