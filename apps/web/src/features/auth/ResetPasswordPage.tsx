import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { PageTitle } from '../../shared/layout/PageTitle';

const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/**
 * The page behind the link in the reset mail (/account/reset-password?token=…, the address the
 * API's own page had). A used or expired link gets the API's message and a way to ask again.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<string>();
  const [res, reset] = useMutation(ResetPasswordDocument);
  const presented = usePresentError()(res.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLocal(password ? undefined : t('auth.required'));
    if (password) await reset({ token, newPassword: password });
  };

  const linkProblem = presented?.fields.token;
  const top = linkProblem ?? formMessage(presented);
  if (res.data?.resetPassword)
    return (
      <Stack maw={420}>
        <PageTitle title={t('auth.reset.title')}>{t('auth.reset.title')}</PageTitle>
        <Alert color="green" role="status" data-testid="reset-done">
          <Text c="dark">{t('auth.reset.done')}</Text>
        </Alert>
        <Group>
          <Button component={Link} to="/login">
            {t('auth.toLogin')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Stack maw={420}>
      <PageTitle title={t('auth.reset.title')}>{t('auth.reset.title')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {(top || !token) && (
            <Alert color="red" role="alert" data-testid="form-error">
              {top ?? t('auth.verify.noToken')}
            </Alert>
          )}
          {(linkProblem || !token) && (
            <Anchor component={Link} to="/forgot-password">
              {t('auth.reset.again')}
            </Anchor>
          )}
          <PasswordInput
            label={t('auth.reset.newPassword')}
            description={t('auth.newPasswordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(presented, 'newPassword', local)}
          />
          <Button type="submit" loading={res.fetching} disabled={!token}>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
