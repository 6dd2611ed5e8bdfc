import { toMultibase64url } from '../encoding.js';

/** VC 2.0 `digestMultibase` of a SHA-256 digest: `u` + base64url(0x12 0x20 ‖ digest) (multihash). */
export function sha256DigestMultibase(digest: Uint8Array): string {
  const mh = new Uint8Array(34);
  mh[0] = 0x12;
  mh[1] = 0x20;
  mh.set(digest, 2);
  return toMultibase64url(mh);
}

/** SHA-256(a) ‖ SHA-256(b) from two digests (eddsa-jcs-2022 §3.3.4 Hashing). */
export function joinDigests(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(64);
  out.set(a, 0);
  out.set(b, 32);
  return out;
}
