#!/usr/bin/env node
// An independent verifier of signed bundles (docs/bundle-format.md), written only from the format description and
// well-known libraries: `canonicalize` (RFC 8785 JCS) and `jose` (RFC 7515 JWS, RFC 8037 EdDSA, RFC 7638
// thumbprints). It shares no code with the Rust implementation, so a bundle both accept is interoperable.
//
//   node tests/interop/verify.mjs BUNDLE.json...
//
// Prints one line per file, `ok <fingerprint>` or `FAIL <reason>`; exits 0 when every file verifies, 1 otherwise,
// 2 on wrong usage.
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import * as jose from 'jose';

async function verify(path) {
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) throw new Error('not a JSON object');
  if (bundle.format !== 'shenbao-bundle') throw new Error(`format is ${JSON.stringify(bundle.format)}`);
  if (bundle.version !== 1) throw new Error(`unsupported version ${JSON.stringify(bundle.version)}`);
  const { signatures, ...unsigned } = bundle;
  if (!Array.isArray(signatures) || signatures.length === 0) throw new Error('no signatures');
  assertSafeIntegers(unsigned, '');
  // The detached payload: BASE64URL of the JCS form of the bundle without `signatures`.
  const payload = jose.base64url.encode(canonicalize(unsigned));
  const first = signatures[0];
  const header = jose.decodeProtectedHeader({ protected: first.protected });
  if (header.alg !== 'EdDSA') throw new Error(`first signature alg is ${header.alg}`);
  const jwk = header.jwk;
  if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || 'd' in jwk) throw new Error('header jwk is not an Ed25519 public key');
  const thumbprint = await jose.calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'sha256');
  if (header.kid !== thumbprint) throw new Error('kid is not the RFC 7638 thumbprint of the jwk');
  // EmbeddedJWK takes the key from the protected header's `jwk`, as the format says.
  await jose.flattenedVerify(
    { protected: first.protected, signature: first.signature, payload },
    jose.EmbeddedJWK,
    { algorithms: ['EdDSA'] },
  );
  // Later signatures: EdDSA ones must verify too; other algorithms are not checked (reported by the app).
  for (const later of signatures.slice(1)) {
    if (jose.decodeProtectedHeader({ protected: later.protected }).alg !== 'EdDSA') continue;
    await jose.flattenedVerify({ ...later, payload }, jose.EmbeddedJWK, { algorithms: ['EdDSA'] });
  }
  const hex = Buffer.from(jose.base64url.decode(thumbprint)).toString('hex').toUpperCase();
  return hex.match(/.{4}/g).join(' ');
}

// Only integers JavaScript holds exactly, so that this canonicaliser and every other write the same text.
function assertSafeIntegers(value, path) {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`number at ${path || '/'} is not a safe integer`);
  if (value !== null && typeof value === 'object') {
    for (const [name, member] of Object.entries(value)) assertSafeIntegers(member, `${path}/${name}`);
  }
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node tests/interop/verify.mjs BUNDLE.json...');
  process.exit(2);
}
let failed = false;
for (const path of paths) {
  try {
    console.log(`${path}: ok ${await verify(path)}`);
  } catch (error) {
    failed = true;
    console.log(`${path}: FAIL ${error.code ?? ''} ${error.message}`.replace(/ {2,}/g, ' '));
  }
}
process.exit(failed ? 1 : 0);
