import { Alert, Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useSession } from '../../shared/auth/session';
import { usePresentError } from '../../shared/errors/useErrorText';
import { PageTitle } from '../../shared/layout/PageTitle';

const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

/**
 * The page behind the link in the "confirm your e-mail" mail (/account/verify-email?token=…, the
 * same address the API's own page had): it confirms once, on opening, and says so in the chosen
 * language. A used or expired link gets the API's message.
 */
export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const [res, verify] = useMutation(VerifyEmailDocument);
  const presented = usePresentError()(res.error);
  const asked = useRef(false);
  useEffect(() => {
    if (!token || asked.current) return;
    asked.current = true;
    void verify({ token });
  }, [token, verify]);

  const message = presented ? (presented.fields.token ?? presented.message) : undefined;
  return (
    <Stack maw={520}>
      <PageTitle title={t('auth.verify.title')}>{t('auth.verify.title')}</PageTitle>
      {!token && (
        <Alert color="red" role="alert">
          {t('auth.verify.noToken')}
        </Alert>
      )}
      {token && !res.data && !res.error && (
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text role="status">{t('auth.verify.working')}</Text>
        </Group>
      )}
      {res.data?.verifyEmail && (
        <Alert color="green" role="status" data-testid="verified">
          <Text c="dark">{t('auth.verify.done')}</Text>
        </Alert>
      )}
      {message && (
        <Alert color="red" role="alert" data-testid="form-error">
          {message}
        </Alert>
      )}
      {(res.data || res.error || !token) &&
        (session.status === 'member' ? (
          <Anchor component={Link} to="/me">
            {t('auth.signUp.toMe')}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/login">
            {t('auth.toLogin')}
          </Anchor>
        ))}
    </Stack>
  );
}
