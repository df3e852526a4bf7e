import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { CheckField } from '../../shared/forms/CheckField';
import { SelectField } from '../../shared/forms/SelectField';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Locale } from '../../gql/graphql';
import { signedIn } from '../../shared/auth/session';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { currentLang } from '../../shared/i18n';
import { sortByName } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { checkIin, needsGuardian } from './signUpRules';

const SignUpFormDocument = graphql(`
  query SignUpForm {
    consentText {
      version
      text
    }
    units {
      id
      name
      clubs {
        id
        name
      }
    }
  }
`);

const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      member {
        ...SessionMember
      }
    }
  }
`);

const LOCALES: Record<'kk' | 'ru' | 'en', Locale> = { kk: 'KK', ru: 'RU', en: 'EN' };

/** The fields the inputs below show; any other field of the API's answer goes to the top. */
const SHOWN = new Set([
  'fullName',
  'email',
  'password',
  'birthDate',
  'phone',
  'iin',
  'unitId',
  'clubId',
  'consentToDataProcessing',
  'guardian.fullName',
  'guardian.phone',
  'guardian.consentGiven',
]);

interface Form {
  fullName: string;
  email: string;
  password: string;
  birthDate: string;
  phone: string;
  iin: string;
  unitId: string;
  clubId: string;
  consent: boolean;
  guardianName: string;
  guardianPhone: string;
  guardianConsent: boolean;
}

const EMPTY: Form = {
  fullName: '',
  email: '',
  password: '',
  birthDate: '',
  phone: '',
  iin: '',
  unitId: '',
  clubId: '',
  consent: false,
  guardianName: '',
  guardianPhone: '',
  guardianConsent: false,
};

export default function SignUpPage() {
  const { t } = useTranslation();
  const [formRes] = useQuery({ query: SignUpFormDocument });
  const [res, signUp] = useMutation(SignUpDocument);
  const presented = usePresentError()(res.error);
  const [form, setForm] = useState<Form>(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const units = useMemo(() => sortByName(formRes.data?.units ?? [], (u) => u.name), [formRes.data?.units]);
  const clubs = useMemo(
    () => sortByName(units.find((u) => u.id === form.unitId)?.clubs ?? [], (c) => c.name),
    [units, form.unitId],
  );
  const guardian = needsGuardian(form.birthDate);
  const iin = checkIin(form.iin, form.birthDate);
  const iinMessage =
    iin === 'invalid' ? t('auth.iinInvalid') : iin === 'mismatch' ? t('auth.iinMismatch') : undefined;

  if (done)
    return (
      <Stack maw={520}>
        <PageTitle title={t('auth.signUp.doneTitle')}>{t('auth.signUp.doneTitle')}</PageTitle>
        <Alert color="green" role="status" data-testid="signed-up">
          <Text c="dark">{t('auth.signUp.done', { email: done })}</Text>
        </Alert>
        <Group>
          <Button component={Link} to="/">
            {t('auth.signUp.toEvents')}
          </Button>
          <Button component={Link} to="/me" variant="default">
            {t('auth.signUp.toMe')}
          </Button>
        </Group>
      </Stack>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    const need = (key: string, value: string | boolean) => {
      if (typeof value === 'string' ? !value.trim() : !value) missing[key] = t('auth.required');
    };
    need('fullName', form.fullName);
    need('email', form.email);
    need('password', form.password);
    need('birthDate', form.birthDate);
    need('unitId', form.unitId);
    need('consentToDataProcessing', form.consent);
    if (iinMessage) missing.iin = iinMessage;
    if (guardian) {
      need('guardian.fullName', form.guardianName);
      need('guardian.phone', form.guardianPhone);
      need('guardian.consentGiven', form.guardianConsent);
    }
    setLocal(missing);
    if (Object.keys(missing).length) {
      // the first field to fix takes the focus (its message is read with it)
      requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
      return;
    }
    const r = await signUp({
      input: {
        fullName: form.fullName,
        email: form.email,
        password: form.password,
        birthDate: form.birthDate,
        phone: form.phone.trim() || null,
        iin: form.iin.trim() || null,
        unitId: form.unitId,
        clubId: form.clubId || null,
        locale: LOCALES[currentLang()],
        consentToDataProcessing: form.consent,
        guardian: guardian
          ? {
              fullName: form.guardianName,
              phone: form.guardianPhone,
              consentGiven: form.guardianConsent,
            }
          : null,
      },
    });
    const pair = r.data?.signUp;
    if (!pair) {
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>('form [aria-invalid="true"], [data-testid="form-error"]')
          ?.focus(),
      );
      return;
    }
    signedIn(pair.accessToken, pair.member);
    setDone(form.email.trim());
    window.scrollTo(0, 0);
  };

  const err = (field: string) => fieldError(presented, field, local[field]);
  const unshown = presented
    ? Object.entries(presented.fields)
        .filter(([f]) => !SHOWN.has(f))
        .map(([, m]) => m)
    : [];
  const top = [formMessage(presented), ...unshown].filter(Boolean).join(' ');
  const consent = formRes.data?.consentText;

  return (
    <Stack maw={560}>
      <PageTitle title={t('auth.signUp.title')}>{t('auth.signUp.title')}</PageTitle>
      <Text>{t('auth.signUp.intro')}</Text>
      <ErrorAlert error={formRes.error} />
      {!formRes.data && formRes.fetching && <Loader aria-label={t('app.loading')} />}
      {formRes.data && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            {top && (
              <Alert color="red" role="alert" data-testid="form-error" tabIndex={-1}>
                {top}
              </Alert>
            )}
            <Fieldset legend={t('auth.signUp.aboutYou')}>
              <Stack>
                <TextInput
                  label={t('auth.fullName')}
                  autoComplete="name"
                  required
                  value={form.fullName}
                  onChange={(e) => set('fullName')(e.currentTarget.value)}
                  error={err('fullName')}
                />
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="email"
                  required
                  value={form.email}
                  onChange={(e) => set('email')(e.currentTarget.value)}
                  error={err('email')}
                />
                <PasswordInput
                  label={t('auth.password')}
                  description={t('auth.newPasswordHint')}
                  autoComplete="new-password"
                  required
                  value={form.password}
                  onChange={(e) => set('password')(e.currentTarget.value)}
                  error={err('password')}
                />
                <TextInput
                  label={t('auth.birthDate')}
                  description={t('auth.birthDateHint')}
                  type="date"
                  autoComplete="bday"
                  required
                  value={form.birthDate}
                  onChange={(e) => set('birthDate')(e.currentTarget.value)}
                  error={err('birthDate')}
                  data-testid="birth-date"
                />
                <TextInput
                  label={t('auth.phone')}
                  description={t('auth.phoneHint')}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={form.phone}
                  onChange={(e) => set('phone')(e.currentTarget.value)}
                  error={err('phone')}
                />
                <TextInput
                  label={t('auth.iin')}
                  description={iin === 'ok' ? `✓ ${t('auth.iinOk')}` : t('auth.iinHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={12}
                  value={form.iin}
                  onChange={(e) => set('iin')(e.currentTarget.value.replace(/\s/g, ''))}
                  error={iinMessage ?? err('iin')}
                  errorProps={{ role: 'alert', 'data-testid': 'iin-error' }}
                />
                <SelectField
                  label={t('auth.unit')}
                  required
                  value={form.unitId}
                  onChange={(e) => {
                    const unitId = e.currentTarget.value;
                    setForm((f) => ({ ...f, unitId, clubId: '' }));
                  }}
                  error={err('unitId')}
                  data={[
                    { value: '', label: t('auth.chooseUnit') },
                    ...units.map((u) => ({ value: u.id, label: u.name })),
                  ]}
                />
                {form.unitId && (
                  <SelectField
                    label={t('auth.club')}
                    description={clubs.length ? undefined : t('auth.noClubs')}
                    disabled={!clubs.length}
                    value={form.clubId}
                    onChange={(e) => set('clubId')(e.currentTarget.value)}
                    error={err('clubId')}
                    data={[
                      { value: '', label: t('auth.noClub') },
                      ...clubs.map((c) => ({ value: c.id, label: c.name })),
                    ]}
                  />
                )}
              </Stack>
            </Fieldset>

            {guardian && (
              <Fieldset legend={t('auth.guardian.title')} data-testid="guardian">
                <Stack>
                  <Text size="sm">{t('auth.guardian.intro')}</Text>
                  <TextInput
                    label={t('auth.guardian.fullName')}
                    required
                    value={form.guardianName}
                    onChange={(e) => set('guardianName')(e.currentTarget.value)}
                    error={err('guardian.fullName')}
                  />
                  <TextInput
                    label={t('auth.guardian.phone')}
                    description={t('auth.phoneHint')}
                    type="tel"
                    inputMode="tel"
                    required
                    value={form.guardianPhone}
                    onChange={(e) => set('guardianPhone')(e.currentTarget.value)}
                    error={err('guardian.phone')}
                  />
                </Stack>
              </Fieldset>
            )}

            {consent && (
              <Fieldset legend={t('auth.consent.title')}>
                <Stack>
                  <Paper withBorder p="sm" bg="gray.0">
                    <Text size="sm" data-testid="consent-text">
                      {consent.text}
                    </Text>
                    <Text size="xs" mt="xs" c="dimmed" data-testid="consent-version">
                      {t('auth.consent.version', { version: consent.version })}
                    </Text>
                  </Paper>
                  <CheckField
                    label={t('auth.consent.agree')}
                    checked={form.consent}
                    onChange={(e) => set('consent')(e.currentTarget.checked)}
                    error={err('consentToDataProcessing')}
                  />
                  {guardian && (
                    <CheckField
                      label={t('auth.guardian.consent')}
                      checked={form.guardianConsent}
                      onChange={(e) => set('guardianConsent')(e.currentTarget.checked)}
                      error={err('guardian.consentGiven')}
                    />
                  )}
                </Stack>
              </Fieldset>
            )}

            <Button type="submit" loading={res.fetching}>
              {t('auth.signUp.submit')}
            </Button>
            <Anchor component={Link} to="/login">
              {t('auth.signUp.haveAccount')}
            </Anchor>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
