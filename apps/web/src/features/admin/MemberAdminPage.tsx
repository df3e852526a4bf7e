import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ownPath } from '../account/download';
import type { AdminMemberQuery } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDate } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { AdminShell, Done } from './AdminShell';
import { CertificatePanel, IssueCertificateDocument } from './CertificatePanel';
import { ReasonForm } from './ReasonForm';

const AdminMemberDocument = graphql(`
  query AdminMember($id: ID!) {
    member(id: $id) {
      id
      fullName
      membershipNumber
      unit {
        id
        name
      }
      clubs {
        id
        name
      }
      badges {
        id
        awardedAt
        revokedAt
        revokedReason
        badge {
          id
          code
          name
          imageUrl
        }
      }
      certificate {
        ...AdminCertificate
      }
    }
  }
`);

const RevokeBadgeDocument = graphql(`
  mutation AdminRevokeBadge($id: ID!, $reason: String!) {
    revokeBadgeAward(id: $id, reason: $reason) {
      id
      revokedAt
      revokedReason
    }
  }
`);

type Member = NonNullable<AdminMemberQuery['member']>;
type Award = Member['badges'][number];

function BadgeRow({ award, onRevoked }: { award: Award; onRevoked: (name: string) => void }) {
  const { t, i18n } = useFeatureTranslation('admin');
  const lang = i18n.language as Lang;
  const [open, setOpen] = useState(false);
  const [res, revoke] = useMutation(RevokeBadgeDocument);
  const submit = async (reason: string) => {
    const r = await revoke({ id: award.id, reason });
    if (r.data) {
      setOpen(false);
      onRevoked(award.badge.name);
    }
  };
  return (
    <li data-testid="member-badge">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group align="start" wrap="nowrap" gap="sm">
            {award.badge.imageUrl && (
              <img
                src={ownPath(award.badge.imageUrl)}
                alt=""
                width={48}
                height={48}
                style={{ flex: 'none' }}
              />
            )}
            <Stack gap={2}>
              <Title order={3} size="h5">
                {award.badge.name}
              </Title>
              <Text size="sm">
                {t('member.awardedAt')}: {formatDate(award.awardedAt, lang)}
              </Text>
              {award.revokedAt && (
                <Text size="sm" fw={700} data-testid="badge-revoked">
                  ✕ {t('member.revokedAt', { date: formatDate(award.revokedAt, lang) })}
                  {award.revokedReason
                    ? ` · ${t('member.revokedReason', { reason: award.revokedReason })}`
                    : ''}
                </Text>
              )}
            </Stack>
          </Group>
          {!award.revokedAt &&
            (open ? (
              <ReasonForm
                label={t('member.revokeBadgeLabel', { name: award.badge.name })}
                busy={res.fetching}
                error={res.error}
                onSubmit={(r) => void submit(r)}
                onCancel={() => setOpen(false)}
                testId="badge-revoke-form"
              />
            ) : (
              <Group>
                <Button
                  variant="outline"
                  color="red"
                  size="sm"
                  onClick={() => setOpen(true)}
                  aria-label={t('member.revokeBadgeLabel', { name: award.badge.name })}
                  data-testid="badge-revoke"
                >
                  {t('member.revokeBadge')}
                </Button>
              </Group>
            ))}
        </Stack>
      </Paper>
    </li>
  );
}

function MemberAdmin({ member, refresh }: { member: Member; refresh: () => void }) {
  const { t } = useFeatureTranslation('admin');
  const [done, setDone] = useState<string | null>(null);
  const [issueRes, issue] = useMutation(IssueCertificateDocument);
  return (
    <Stack>
      <Text>
        {t('member.number')}: <strong>{member.membershipNumber ?? '—'}</strong>
        {member.unit ? ` · ${t('member.unit')}: ${member.unit.name}` : ''}
      </Text>
      {member.clubs.length > 0 && (
        <Text>
          {t('member.clubs')}: {member.clubs.map((c) => c.name).join(', ')}
        </Text>
      )}
      <section aria-labelledby="member-badges">
        <Stack gap="sm">
          <Title order={2} size="h3" id="member-badges">
            {t('member.badges')}
          </Title>
          {member.badges.length === 0 && <Text>{t('member.noBadges')}</Text>}
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {member.badges.map((a) => (
              <BadgeRow
                key={a.id}
                award={a}
                onRevoked={(name) => {
                  setDone(t('member.badgeRevoked', { name }));
                  refresh();
                }}
              />
            ))}
          </Stack>
          <Done text={done} testId="badge-done" />
        </Stack>
      </section>
      <section aria-labelledby="member-certificate">
        <Stack gap="sm">
          <Title order={2} size="h3" id="member-certificate">
            {t('member.certificate')}
          </Title>
          {member.certificate ? (
            <CertificatePanel cert={member.certificate} onChanged={refresh} />
          ) : (
            <>
              <Text>{t('member.noCertificate')}</Text>
              <Group>
                <Button
                  loading={issueRes.fetching}
                  onClick={() => void issue({ memberId: member.id }).then((r) => r.data && refresh())}
                  data-testid="cert-issue"
                >
                  {t('member.issue')}
                </Button>
              </Group>
              <ErrorAlert error={issueRes.error} />
            </>
          )}
        </Stack>
      </section>
    </Stack>
  );
}

function Loaded({ id }: { id: string }) {
  const { t } = useFeatureTranslation('admin');
  const [res, reexecute] = useQuery({ query: AdminMemberDocument, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const member = res.data?.member;
  if (!res.data && res.fetching) return <Loader aria-label={t('member.titlePlain')} />;
  if (!member) return <ErrorAlert error={res.error} onRetry={refresh} />;
  return (
    <Stack>
      <Title order={2} size="h2" data-testid="member-name">
        {member.fullName}
      </Title>
      <MemberAdmin member={member} refresh={refresh} />
    </Stack>
  );
}

/** /admin/members/:id: a member's badges (revoke with a reason) and certificate (revoke, reissue). */
export default function MemberAdminPage() {
  const { t } = useFeatureTranslation('admin');
  const { id = '' } = useParams();
  return <AdminShell title={t('member.titlePlain')}>{() => <Loaded id={id} />}</AdminShell>;
}
