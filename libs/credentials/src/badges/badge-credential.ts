import { VC_CONTEXT } from '../vc-context';
import { STATUS_LISTS, statusEntry } from '../status/status-list';

export { VC_CONTEXT };
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export interface BadgeCredentialInput {
  publicUrl: string;
  issuerName: string;
  awardId: string;
  memberId: string;
  awardedAt: Date;
  statusIndex: number;
  badge: { code: string; name: string; description: string; criteria: string };
}

/** The Open Badges 3.0 OpenBadgeCredential of one award, with the VC-JWT claims (iss, sub, jti, nbf). */
export function openBadgeCredential(i: BadgeCredentialInput): Record<string, unknown> {
  const base = i.publicUrl.replace(/\/$/, '');
  const id = `urn:uuid:${i.awardId}`;
  const subject = `urn:uuid:${i.memberId}`;
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: i.badge.name,
    issuer: { id: base, type: ['Profile'], name: i.issuerName },
    validFrom: i.awardedAt.toISOString(),
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: `${base}/badges/${i.badge.code}`,
        type: ['Achievement'],
        name: i.badge.name,
        description: i.badge.description,
        criteria: { narrative: i.badge.criteria },
        image: { id: `${base}/badges/${i.badge.code}.svg`, type: 'Image' },
      },
    },
    credentialStatus: statusEntry(base, STATUS_LISTS.badges, i.statusIndex),
    iss: base,
    sub: subject,
    jti: id,
    nbf: Math.floor(i.awardedAt.getTime() / 1000),
    iat: Math.floor(Date.now() / 1000),
  };
}
