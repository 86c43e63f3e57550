#!/usr/bin/env node
// An independent verifier of signed bundles, written only from docs/bundle-format.md ("Verifying, step by step",
// steps 1–6: everything about the signatures; steps 7–9, reading the content as an application and re-running the
// rules, are the app's) and well-kept libraries. It shares no code with the Rust implementation, so a bundle both
// accept is interoperable and a file both refuse, for the same reason, is refused by the format and not by an
// accident of one implementation.
//
//   JSON      JSON.parse (ECMA-404) for the value; @humanwhocodes/momoa for what JSON.parse hides: a member name
//             written twice, the text of each number, the nesting depth.
//   RFC 8785  canonicalize.
//   RFC 7638  jose (the key's thumbprint).
//   Ed25519   @noble/ed25519 in its strict mode (RFC 8032 / FIPS 186-5 decoding: y < p, no "negative zero"; S < L;
//             small-order keys refused), plus what the format adds to it: a small-order R is refused too, and the
//             equation must hold without the cofactor (checked again with Node's crypto, OpenSSL), as
//             ed25519-dalek's verify_strict does.
//
//   node tests/interop/verify.mjs BUNDLE.json...
//
// Prints one line per file, `PATH: ok FINGERPRINT` or `PATH: FAIL CODE: reason` (CODE as in the format's table of
// error codes); exits 0 when every file verifies, 1 otherwise, 2 on wrong usage.
import { readFileSync } from 'node:fs';
import { createPublicKey, verify as opensslVerify } from 'node:crypto';
import { parse as parseTree, tokenize } from '@humanwhocodes/momoa';
import canonicalize from 'canonicalize';
import * as ed from '@noble/ed25519';
import * as jose from 'jose';

/** Arrays and objects may nest 127 deep (bundles nest 6): deeper is refused like broken JSON. */
const MAX_DEPTH = 127;
const MAX_SAFE_INTEGER = 2n ** 53n - 1n;
const MAX_U64 = 2n ** 64n - 1n;

class Refusal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
const refuse = (code, message) => {
  throw new Refusal(code, message);
};

/**
 * Step 1: a file's bytes as JSON. Returns `{ value, tree, text }`, the value as JSON.parse reads it and momoa's
 * tree of the same text (with ranges, to read numbers as written).
 */
function readJson(bytes, { skipByteOrderMark, code = 'invalid_json' }) {
  let body = bytes;
  if (skipByteOrderMark && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    refuse(code, 'not UTF-8');
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    refuse(code, error.message);
  }
  let depth = 0;
  for (const token of tokenize(text)) {
    if (token.type === 'LBrace' || token.type === 'LBracket') depth += 1;
    if (token.type === 'RBrace' || token.type === 'RBracket') depth -= 1;
    if (depth > MAX_DEPTH) refuse(code, `nested more than ${MAX_DEPTH} deep`);
  }
  const tree = parseTree(text, { ranges: true }).body;
  checkTree(tree, text, '', code);
  return { value, tree, text };
}

/** Unique member names, well-formed Unicode, numbers a reader can hold. */
function checkTree(node, text, path, code) {
  const wellFormed = (string) => string.isWellFormed() || refuse(code, `unpaired surrogate in a string at ${path || '/'}`);
  switch (node.type) {
    case 'Object': {
      const names = new Set();
      for (const member of node.members) {
        const name = member.name.value;
        wellFormed(name);
        if (names.has(name)) {
          const where = path ? `in ${path}` : 'at the top';
          refuse(code === 'invalid_json' ? 'duplicate_member' : code, `member "${name}" repeated ${where}, line ${member.loc.start.line}`);
        }
        names.add(name);
        checkTree(member.value, text, `${path}/${pointerEscape(name)}`, code);
      }
      break;
    }
    case 'Array':
      node.elements.forEach((element, index) => checkTree(element.value, text, `${path}/${index}`, code));
      break;
    case 'String':
      wellFormed(node.value);
      break;
    case 'Number':
      if (!Number.isFinite(Number(numberText(node, text)))) refuse(code, `number at ${path || '/'} out of range`);
      break;
    default:
  }
}

const numberText = (node, text) => text.slice(node.range[0], node.range[1]);
const pointerEscape = (name) => name.replaceAll('~', '~0').replaceAll('/', '~1');
const isWholeNumber = (raw) => /^-?(0|[1-9][0-9]*)$/.test(raw) && raw !== '-0';

/** Step 4's number rule: the path of the first number, outside `signatures`, that is not an integer within ±(2⁵³ − 1). */
function firstDisallowedNumber(node, text, path) {
  if (node.type === 'Number') {
    const raw = numberText(node, text);
    const allowed = isWholeNumber(raw) && BigInt(raw) <= MAX_SAFE_INTEGER && BigInt(raw) >= -MAX_SAFE_INTEGER;
    return allowed ? null : path || '/';
  }
  const children =
    node.type === 'Object'
      ? node.members.filter((m) => path !== '' || m.name.value !== 'signatures').map((m) => [m.value, pointerEscape(m.name.value)])
      : node.type === 'Array'
        ? node.elements.map((e, index) => [e.value, index])
        : [];
  for (const [child, step] of children) {
    const found = firstDisallowedNumber(child, text, `${path}/${step}`);
    if (found) return found;
  }
  return null;
}

/** BASE64URL without padding, refusing anything but the one canonical spelling of the bytes. */
function base64url(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : null;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const has = (object, name) => isObject(object) && Object.hasOwn(object, name);
const stringOr = (value, fallback) => (typeof value === 'string' ? value : fallback);

async function verify(path) {
  const { value: bundle, tree, text } = readJson(readFileSync(path), { skipByteOrderMark: true });
  // Step 2.
  const format = has(bundle, 'format') ? bundle.format : undefined;
  if (format === 'shenbao-draft') refuse('is_draft', 'a draft, not a bundle');
  if (format !== 'shenbao-bundle') refuse('not_a_bundle', `format is ${JSON.stringify(format)}`);
  const versionNode = tree.members.find((member) => member.name.value === 'version')?.value;
  const version = versionNode?.type === 'Number' ? numberText(versionNode, text) : null;
  if (version === null || !/^(0|[1-9][0-9]*)$/.test(version) || BigInt(version) > MAX_U64) {
    refuse('malformed_version', `version is ${versionNode ? JSON.stringify(bundle.version) : 'missing'}`);
  }
  if (version !== '1') refuse('unsupported_version', `version ${version}`);
  // Step 3.
  const { signatures, ...unsigned } = bundle;
  if (!has(bundle, 'signatures') || (Array.isArray(signatures) && signatures.length === 0)) refuse('unsigned', 'no signatures');
  if (!Array.isArray(signatures)) refuse('malformed_signature', '"signatures" is not an array');
  signatures.forEach((entry, index) => {
    if (typeof entry?.protected !== 'string' || typeof entry?.signature !== 'string') {
      refuse('malformed_signature', `signature ${index + 1} lacks string "protected" and "signature"`);
    }
  });
  // Step 4: the detached payload, BASE64URL of the JCS form of the bundle without `signatures`.
  const disallowed = firstDisallowedNumber(tree, text, '');
  if (disallowed) refuse('number_not_allowed', `number at ${disallowed} is not an integer within ±(2^53 − 1)`);
  const payload = Buffer.from(canonicalize(unsigned), 'utf8').toString('base64url');
  // Steps 5 and 6.
  const outcomes = [];
  for (const [index, entry] of signatures.entries()) outcomes.push(await checkSignature(index + 1, entry, payload));
  if (outcomes[0].unsupported) refuse('first_signature_not_ed25519', `the first signature's alg is ${JSON.stringify(outcomes[0].alg)}`);
  const failed = outcomes.find((outcome) => outcome.failure);
  if (failed) throw failed.failure;
  const hex = Buffer.from(base64url(outcomes[0].kid)).toString('hex').toUpperCase();
  return hex.match(/.{4}/g).join(' ');
}

/** Step 5 for one signature: `{ alg, kid }` when it holds, plus `unsupported` or `failure` when it does not. */
async function checkSignature(number, entry, payload) {
  const nth = `signature ${number}`;
  try {
    const headerBytes = base64url(entry.protected) ?? refuse('malformed_signature', `${nth}: protected is not BASE64URL`);
    const { value: header } = readJson(headerBytes, { skipByteOrderMark: false, code: 'malformed_signature' });
    if (!isObject(header)) refuse('malformed_signature', `${nth}: the protected header is not a JSON object`);
    const alg = typeof header.alg === 'string' ? header.alg : undefined;
    if (alg !== 'EdDSA') return { alg, unsupported: true };
    if (has(header, 'crit')) refuse('unsupported_critical_header', `${nth}: crit`);
    const jwk = has(header, 'jwk') ? header.jwk : undefined;
    if (!isObject(jwk)) refuse('invalid_public_key', `${nth}: no "jwk"`);
    if (has(jwk, 'd')) refuse('invalid_public_key', `${nth}: the jwk holds a private key`);
    const [kty, crv, x] = [stringOr(jwk.kty, ''), stringOr(jwk.crv, ''), stringOr(jwk.x, '')];
    if (kty !== 'OKP' || crv !== 'Ed25519') refuse('invalid_public_key', `${nth}: key type ${kty}/${crv}`);
    const key = base64url(x);
    if (key?.length !== 32) refuse('invalid_public_key', `${nth}: "x" is not 32 bytes of BASE64URL`);
    const kid = await jose.calculateJwkThumbprint({ kty, crv, x }, 'sha256');
    if (header.kid !== kid) refuse('kid_mismatch', `${nth}: kid is not the RFC 7638 thumbprint of the jwk`);
    strictPoint(key, 'invalid_public_key', `${nth}: the public key`);
    const signature = base64url(entry.signature);
    if (signature?.length !== 64) refuse('malformed_signature', `${nth}: the signature is not 64 bytes of BASE64URL`);
    const input = Buffer.from(`${entry.protected}.${payload}`, 'ascii');
    strictPoint(signature.subarray(0, 32), 'bad_signature', `${nth}: R`);
    const noble = await ed.verifyAsync(signature, input, key, { zip215: false });
    const publicKey = createPublicKey({ key: { kty, crv, x }, format: 'jwk' });
    if (!noble || !opensslVerify(null, input, publicKey, signature)) refuse('bad_signature', `${nth} does not verify`);
    return { alg, kid };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { failure: error };
  }
}

/** A point encoded canonically (RFC 8032 §5.1.3, strictly), of large order, or a refusal with this code. */
function strictPoint(bytes, code, what) {
  let point;
  try {
    point = ed.Point.fromBytes(bytes, false);
  } catch {
    refuse(code, `${what} is not a canonically encoded point`);
  }
  if (point.isSmallOrder()) refuse(code, `${what} is a point of small order`);
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node tests/interop/verify.mjs BUNDLE.json...');
  process.exit(2);
}
let allVerify = true;
for (const path of paths) {
  try {
    console.log(`${path}: ok ${await verify(path)}`);
  } catch (error) {
    allVerify = false;
    const code = error instanceof Refusal ? error.code : 'error';
    console.log(`${path}: FAIL ${code}: ${String(error.message).replace(/\s+/g, ' ')}`);
  }
}
process.exit(allVerify ? 0 : 1);
