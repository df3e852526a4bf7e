import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { AdminCertificateFragment } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDate } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { Done } from './AdminShell';
import { ReasonForm } from './ReasonForm';
import { CertificateStatusBadge } from '../../shared/certificates/CertificateStatusBadge';

graphql(`
  fragment AdminCertificate on Certificate {
    id
    number
    status
    issuedAt
    expiresAt
    revokedAt
    revokedReason
    verifyUrl
    member {
      id
      fullName
      membershipNumber
    }
  }
`);

const RevokeCertificateDocument = graphql(`
  mutation AdminRevokeCertificate($id: ID!, $reason: String!) {
    revokeCertificate(id: $id, reason: $reason) {
      ...AdminCertificate
    }
  }
`);

export const IssueCertificateDocument = graphql(`
  mutation AdminIssueCertificate($memberId: ID!) {
    issueCertificate(memberId: $memberId) {
      ...AdminCertificate
    }
  }
`);

/**
 * One certificate for staff: its status and dates, revoke (with a reason) and reissue (a new
 * certificate to the holder: `issueCertificate` revokes the valid one as "reissued").
 */
export function CertificatePanel({
  cert,
  memberLink,
  onReissued,
  onChanged,
}: {
  cert: AdminCertificateFragment;
  /** show a link to the holder's administration page */
  memberLink?: boolean;
  onReissued?: (next: AdminCertificateFragment) => void;
  onChanged?: () => void;
}) {
  const { t, i18n } = useFeatureTranslation('admin');
  const lang = i18n.language as Lang;
  const [revoking, setRevoking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [revokeRes, revoke] = useMutation(RevokeCertificateDocument);
  const [issueRes, issue] = useMutation(IssueCertificateDocument);
  const reason = cert.revokedReason === 'reissued' ? t('cert.reasonReissued') : cert.revokedReason;

  const doRevoke = async (text: string) => {
    setDone(null);
    const r = await revoke({ id: cert.id, reason: text });
    if (r.data) {
      setRevoking(false);
      setDone(t('cert.revoked'));
      onChanged?.();
    }
  };
  const doReissue = async () => {
    setDone(null);
    const r = await issue({ memberId: cert.member.id });
    if (r.data) {
      setDone(t('cert.reissued', { number: r.data.issueCertificate.number }));
      onReissued?.(r.data.issueCertificate);
      onChanged?.();
    }
  };

  return (
    <Paper withBorder p="md" data-testid="admin-certificate">
      <Stack gap="xs">
        <Text>
          {t('cert.number')}: <strong data-testid="cert-number">{cert.number}</strong>
        </Text>
        <Text>
          {t('cert.holder')}: {cert.member.fullName}
          {cert.member.membershipNumber ? ` (${cert.member.membershipNumber})` : ''}
        </Text>
        <Group gap="xs">
          <Text>{t('cert.status')}:</Text>
          <CertificateStatusBadge
            status={cert.status}
            label={t(`cert.status.${cert.status}`)}
            testId="cert-status"
          />
        </Group>
        <Text>
          {t('cert.issuedAt')}: {formatDate(cert.issuedAt, lang)}
        </Text>
        {cert.expiresAt && cert.status !== 'REVOKED' && (
          <Text>
            {t('cert.expiresAt')}: {formatDate(cert.expiresAt, lang)}
          </Text>
        )}
        {cert.revokedAt && (
          <Text>
            {t('cert.revokedAt')}: {formatDate(cert.revokedAt, lang)}
          </Text>
        )}
        {reason && (
          <Text data-testid="cert-reason">
            {t('cert.revokedReason')}: {reason}
          </Text>
        )}
        <Group gap="md" wrap="wrap">
          {memberLink && (
            <Anchor
              component={Link}
              to={`/admin/members/${cert.member.id}`}
              style={{ display: 'inline-block', padding: '10px 0' }}
            >
              {t('cert.memberPage')}
            </Anchor>
          )}
          <Anchor
            href={cert.verifyUrl}
            target="_blank"
            rel="noopener"
            style={{ display: 'inline-block', padding: '10px 0' }}
          >
            {t('cert.verify')}
          </Anchor>
        </Group>
        {revoking ? (
          <ReasonForm
            label={t('cert.revoke')}
            busy={revokeRes.fetching}
            error={revokeRes.error}
            onSubmit={(r) => void doRevoke(r)}
            onCancel={() => setRevoking(false)}
            testId="cert-revoke-form"
          />
        ) : (
          <Stack gap="xs">
            <Group gap="sm">
              {cert.status !== 'REVOKED' && (
                <Button
                  variant="outline"
                  color="red"
                  onClick={() => setRevoking(true)}
                  data-testid="cert-revoke"
                >
                  {t('cert.revoke')}
                </Button>
              )}
              <Button
                variant="outline"
                loading={issueRes.fetching}
                onClick={() => void doReissue()}
                data-testid="cert-reissue"
              >
                {t('cert.reissue')}
              </Button>
            </Group>
            <Text size="sm">{t('cert.reissueHint')}</Text>
          </Stack>
        )}
        <ErrorAlert error={issueRes.error} />
        <Done text={done} testId="cert-done" />
      </Stack>
    </Paper>
  );
}
