import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { PageTitle } from '../../shared/layout/PageTitle';

const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** Asks for a reset link. The API answers the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [local, setLocal] = useState<string>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [res, request] = useMutation(RequestPasswordResetDocument);
  const presented = usePresentError()(res.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLocal(email.trim() ? undefined : t('auth.required'));
    if (!email.trim()) return;
    setSentTo(null);
    const r = await request({ email: email.trim() });
    if (r.data?.requestPasswordReset) setSentTo(email.trim());
  };

  const top = formMessage(presented);
  return (
    <Stack maw={420}>
      <PageTitle title={t('auth.forgot.title')}>{t('auth.forgot.title')}</PageTitle>
      <Text>{t('auth.forgot.intro')}</Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {top && (
            <Alert color="red" role="alert" data-testid="form-error">
              {top}
            </Alert>
          )}
          {sentTo && (
            <Alert color="green" role="status" data-testid="reset-sent">
              <Text c="dark">{t('auth.forgot.sent', { email: sentTo })}</Text>
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(presented, 'email', local)}
          />
          <Button type="submit" loading={res.fetching}>
            {t('auth.forgot.submit')}
          </Button>
          <Anchor component={Link} to="/login">
            {t('auth.toLogin')}
          </Anchor>
        </Stack>
      </form>
    </Stack>
  );
}
