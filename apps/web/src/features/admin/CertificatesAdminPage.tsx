import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { AdminShell, Done } from './AdminShell';
import { CertificatePanel } from './CertificatePanel';

const FindCertificateDocument = graphql(`
  query AdminFindCertificate($number: String!) {
    certificate(number: $number) {
      ...AdminCertificate
    }
  }
`);

function Result({ number, onReissued }: { number: string; onReissued: (n: string) => void }) {
  const { t } = useFeatureTranslation('admin');
  const [res, reexecute] = useQuery({ query: FindCertificateDocument, variables: { number } });
  if (!res.data && res.fetching) return <Loader aria-label={t('cert.search')} />;
  if (!res.data)
    return <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const cert = res.data.certificate;
  if (!cert)
    return (
      <Text role="status" data-testid="cert-not-found">
        {t('cert.notFound', { number })}
      </Text>
    );
  return (
    <CertificatePanel
      cert={cert}
      memberLink
      onChanged={() => reexecute({ requestPolicy: 'network-only' })}
      onReissued={(next) => onReissued(next.number)}
    />
  );
}

function Certificates() {
  const { t } = useFeatureTranslation('admin');
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? '';
  const [draft, setDraft] = useState(number);
  // the reissued certificate replaces the panel (a new number): the notice lives here
  const [notice, setNotice] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const n = draft.trim().toUpperCase();
    setParams(n ? { number: n } : {});
  };
  return (
    <Stack>
      <Text>{t('cert.intro')}</Text>
      <form role="search" onSubmit={submit} data-testid="cert-search">
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            label={t('cert.number')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="cert-search-number"
            miw={260}
          />
          <Button type="submit">{t('cert.search')}</Button>
        </Group>
      </form>
      <Done text={notice} testId="cert-reissued" />
      {number && (
        <Result
          key={number}
          number={number}
          onReissued={(n) => {
            setNotice(t('cert.reissued', { number: n }));
            setDraft(n);
            setParams({ number: n });
          }}
        />
      )}
    </Stack>
  );
}

/** /admin/certificates?number=…: find a certificate by its number, revoke it (with a reason) or reissue it. */
export default function CertificatesAdminPage() {
  const { t } = useFeatureTranslation('admin');
  return <AdminShell title={t('cert.title')}>{() => <Certificates />}</AdminShell>;
}
