import { Alert, Button, Fieldset, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** On the member's own page: the current password and a new one (other sessions end). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [res, change] = useMutation(ChangePasswordDocument);
  const presented = usePresentError()(res.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const missing: Record<string, string> = {};
    if (!current) missing.currentPassword = t('auth.required');
    if (!next) missing.newPassword = t('auth.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const r = await change({ currentPassword: current, newPassword: next });
    if (r.data?.changePassword) {
      setDone(true);
      setCurrent('');
      setNext('');
    }
  };

  const top = formMessage(presented);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Fieldset legend={t('account.password.title')} maw={420}>
        <Stack>
          {top && (
            <Alert color="red" role="alert" data-testid="password-error">
              {top}
            </Alert>
          )}
          {done && (
            <Alert color="green" role="status" data-testid="password-changed">
              <Text c="dark">{t('account.password.done')}</Text>
            </Alert>
          )}
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldError(presented, 'currentPassword', local.currentPassword)}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('auth.newPasswordHint')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fieldError(presented, 'newPassword', local.newPassword)}
          />
          <Button type="submit" loading={res.fetching} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
