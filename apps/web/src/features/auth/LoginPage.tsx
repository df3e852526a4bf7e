import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { LoginDocument, signedIn, useSession } from '../../shared/auth/session';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { currentLang } from '../../shared/i18n';
import { saveLocale } from '../../shared/layout/LanguageSwitcher';
import { PageTitle } from '../../shared/layout/PageTitle';

/** Where to go after logging in: only a path inside this app (never another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [res, login] = useMutation(LoginDocument);
  const presented = usePresentError()(res.error);
  const next = safeNext(params.get('next'));

  if (session.status === 'member' && !res.data) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('auth.required');
    if (!password) missing.password = t('auth.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const r = await login({ email, password });
    const pair = r.data?.login;
    if (!pair) return;
    signedIn(pair.accessToken, pair.member);
    // the language in use now becomes the account's (e-mails and SMS follow it)
    if (pair.member.locale.toLowerCase() !== currentLang()) await saveLocale(currentLang());
    void navigate(next, { replace: true });
  };

  const top = formMessage(presented);
  return (
    <Stack maw={420}>
      <PageTitle title={t('auth.login.title')}>{t('auth.login.title')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {top && (
            <Alert color="red" role="alert" data-testid="form-error">
              {top}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(presented, 'email', local.email)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(presented, 'password', local.password)}
          />
          <Button type="submit" loading={res.fetching}>
            {t('auth.login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password">
            {t('auth.login.forgot')}
          </Anchor>
          <Anchor component={Link} to="/signup">
            {t('auth.login.noAccount')}
          </Anchor>
        </Stack>
      </form>
    </Stack>
  );
}
