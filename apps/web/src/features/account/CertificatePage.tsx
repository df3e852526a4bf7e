import { Alert, Anchor, Box, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { fetchWithToken } from '../../shared/graphql/client';
import type { Lang } from '../../shared/i18n';
import { formatDate } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { saveFile } from './download';
import { WRAPPING_BUTTON } from './wrap';
import { CertificateStatusBadge } from '../../shared/certificates/CertificateStatusBadge';

const MyCertificateDocument = graphql(`
  query MyCertificate {
    me {
      id
      timeZone
      certificate {
        id
        number
        status
        issuedAt
        expiresAt
        revokedAt
        revokedReason
        verifyUrl
        pdfUrl
      }
    }
  }
`);

/**
 * The verify link as a QR code, drawn in the browser: the encoder (`qrcode`, the library the API
 * uses too) is loaded only when this is shown, so it never weighs on other pages.
 */
function VerifyQr({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // level L: the link is long (it carries the signed credential), and the least correction keeps
    // the modules largest for a scanner; a screen is not a scratched card
    void import('qrcode').then((QR) =>
      QR.toString(url, { type: 'svg', errorCorrectionLevel: 'L', margin: 4 }).then((s) => {
        if (live) setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`);
      }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Box w="100%" maw={300} bg="white" data-testid="certificate-qr">
      {svg ? (
        <img src={svg} alt={label} width={300} height={300} style={{ width: '100%', height: 'auto' }} />
      ) : (
        <Loader aria-label={label} />
      )}
    </Box>
  );
}

function Certificate() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [res, reexecute] = useQuery({ query: MyCertificateDocument });
  const [downloading, setDownloading] = useState(false);
  const [failed, setFailed] = useState(false);
  const me = res.data?.me;
  const cert = me?.certificate;
  const zone = me?.timeZone ?? undefined;

  // the PDF needs the access token: fetched with it in a header, then saved from memory
  const download = async () => {
    if (!cert) return;
    setDownloading(true);
    setFailed(false);
    try {
      const r = await fetchWithToken(cert.pdfUrl);
      if (!r.ok) throw new Error(String(r.status));
      saveFile(await r.blob(), `${cert.number}.pdf`);
    } catch {
      setFailed(true);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack>
      <PageTitle title={t('certificate.title')}>{t('certificate.title')}</PageTitle>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!me && res.fetching && <Loader aria-label={t('app.loading')} />}
      {me && !cert && <Text>{t('certificate.none')}</Text>}
      {cert && (
        <Card withBorder padding="md" maw={640} data-testid="certificate">
          <Stack gap="xs">
            <Group gap="xs">
              <Text fw={700}>{t('certificate.status')}:</Text>
              <CertificateStatusBadge
                status={cert.status}
                label={t(`certificate.status.${cert.status}`)}
                testId="certificate-status"
              />
            </Group>
            <Text>
              {t('certificate.number')}: <strong data-testid="certificate-number">{cert.number}</strong>
            </Text>
            <Text>
              {t('certificate.issuedAt')}: {formatDate(cert.issuedAt, lang, zone)}
            </Text>
            {cert.expiresAt && cert.status !== 'REVOKED' && (
              <Text>
                {t('certificate.expiresAt')}: {formatDate(cert.expiresAt, lang, zone)}
              </Text>
            )}
            {cert.revokedReason && (
              <Text>
                {t('certificate.revokedReason')}: {cert.revokedReason}
              </Text>
            )}
            <Group mt="xs">
              <Button
                onClick={() => void download()}
                loading={downloading}
                data-testid="certificate-pdf"
                styles={WRAPPING_BUTTON}
              >
                {t('certificate.downloadPdf')}
              </Button>
            </Group>
            {failed && (
              <Alert color="red" role="alert" variant="light">
                {t('certificate.downloadFailed')}
              </Alert>
            )}
            {cert.status === 'VALID' && (
              <>
                <Title order={2} size="h4" mt="sm">
                  {t('certificate.verifyLink')}
                </Title>
                <Text size="sm">{t('certificate.verifyHint')}</Text>
                <Anchor
                  href={cert.verifyUrl}
                  target="_blank"
                  rel="noopener"
                  style={{ wordBreak: 'break-all' }}
                  data-testid="certificate-verify"
                >
                  {cert.verifyUrl.replace(/\?.*$/, '')}
                </Anchor>
                <VerifyQr url={cert.verifyUrl} label={t('certificate.qr')} />
              </>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

/** The member's certificate: status, number, dates, the PDF, the public verify link and its QR. */
export default function CertificatePage() {
  return <RequireMember>{() => <Certificate />}</RequireMember>;
}
