import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DAY_MS } from '@shared/time';

const WEEK_MS = 7 * DAY_MS;

/** The per-install signing secret, made on first start and kept beside the database. */
export function loadSecret(path: string): Buffer {
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(path, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueToken(secret: Buffer, openid: string, now = Date.now()): string {
  const payload = `${Buffer.from(openid).toString('base64url')}.${(now + WEEK_MS).toString(36)}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The OPENID a token was issued for, or null when it is forged, malformed or expired. */
export function verifyToken(secret: Buffer, token: string, now = Date.now()): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [who, expiry, mac] = parts;
  const expected = Buffer.from(sign(secret, `${who}.${expiry}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (parseInt(expiry, 36) < now) return null;
  return Buffer.from(who, 'base64url').toString('utf8') || null;
}
