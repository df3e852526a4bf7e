import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'yvc-unsubscribe-email-v1';

const mac = (memberId: string, secret: string) =>
  createHmac('sha256', `${PURPOSE}:${secret}`).update(memberId).digest('base64url').slice(0, 32);

/** A signed token for the unsubscribe link: works without logging in, names one member, never expires. */
export function unsubscribeToken(memberId: string, secret: string): string {
  return `${Buffer.from(memberId).toString('base64url')}.${mac(memberId, secret)}`;
}

/** The member id of a valid token, else null. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [id64, sig] = (token ?? '').split('.');
  if (!id64 || !sig) return null;
  const memberId = Buffer.from(id64, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(memberId, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? memberId : null;
}
