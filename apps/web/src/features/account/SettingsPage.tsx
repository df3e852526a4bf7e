import {
  Alert,
  Button,
  Card,
  List,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CheckField } from '../../shared/forms/CheckField';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MySettingsQuery } from '../../gql/graphql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { logout } from '../../shared/auth/session';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { LANGS, LANG_NAMES, type Lang, setLang } from '../../shared/i18n';
import { DEFAULT_TIME_ZONE, localDate } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { saveFile } from './download';
import { WRAPPING_BUTTON } from './wrap';

const MySettingsDocument = graphql(`
  query MySettings {
    me {
      id
      phone
      emailOptIn
      smsOptIn
      timeZone
      locale
    }
  }
`);

const SaveSettingsDocument = graphql(`
  mutation SaveSettings($input: UpdateMeInput!) {
    updateMe(input: $input) {
      id
      phone
      emailOptIn
      smsOptIn
      timeZone
      locale
    }
  }
`);

const ExportMyDataDocument = graphql(`
  query ExportMyData {
    exportMyData
  }
`);

const WithdrawConsentDocument = graphql(`
  mutation WithdrawConsent {
    withdrawConsent
  }
`);

/**
 * Kazakhstan's zones first (Asia/Almaty, the region's, at the top), then the neighbours students
 * move to for study or work. Each is shown with its offset now, so "UTC+5" is plain to see.
 */
const ZONES = [
  'Asia/Almaty',
  'Asia/Qostanay',
  'Asia/Qyzylorda',
  'Asia/Aqtobe',
  'Asia/Aqtau',
  'Asia/Atyrau',
  'Asia/Oral',
  'Asia/Bishkek',
  'Asia/Tashkent',
  'Asia/Dushanbe',
  'Asia/Ashgabat',
  'Asia/Baku',
  'Asia/Tbilisi',
  'Asia/Novosibirsk',
  'Asia/Omsk',
  'Asia/Yekaterinburg',
  'Europe/Moscow',
  'Europe/Istanbul',
  'Asia/Dubai',
  'Asia/Urumqi',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'UTC',
];

function offsetOf(zone: string): string {
  try {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    return name === 'GMT' ? 'UTC' : (name ?? '').replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

type Me = NonNullable<MySettingsQuery['me']>;

function PreferencesForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const present = usePresentError();
  const [emailOptIn, setEmailOptIn] = useState(me.emailOptIn ?? true);
  const [smsOptIn, setSmsOptIn] = useState(me.smsOptIn ?? false);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [timeZone, setTimeZone] = useState(me.timeZone ?? DEFAULT_TIME_ZONE);
  const [lang, setLangChoice] = useState<Lang>(i18n.language as Lang);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<'settings' | 'unsubscribed' | null>(null);
  const [res, save] = useMutation(SaveSettingsDocument);
  const presented = present(res.error);
  const zones = ZONES.includes(timeZone) ? ZONES : [timeZone, ...ZONES];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const problems: Record<string, string> = {};
    if (smsOptIn && !phone.trim()) problems.phone = t('settings.phoneNeeded');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const r = await save({
      input: {
        emailOptIn,
        smsOptIn,
        phone: phone.trim(),
        timeZone,
        locale: lang.toUpperCase() as 'KK' | 'RU' | 'EN',
      },
    });
    const m = r.data?.updateMe;
    if (!m) return;
    setPhone(m.phone ?? '');
    setSaved('settings');
    // the same as the header's switcher: the page follows the language just saved
    if (lang !== i18n.language) await setLang(lang);
  };

  const unsubscribe = async () => {
    setSaved(null);
    const r = await save({ input: { emailOptIn: false, smsOptIn: false } });
    if (!r.data) return;
    setEmailOptIn(false);
    setSmsOptIn(false);
    setSaved('unsubscribed');
  };

  const top = formMessage(presented);
  return (
    <>
      <Card withBorder padding="md" component="section" aria-labelledby="prefs-title">
        <Title order={2} size="h3" id="prefs-title" mb="sm">
          {t('settings.notifications')}
        </Title>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            {top && (
              <Alert color="red" role="alert" data-testid="form-error">
                {top}
              </Alert>
            )}
            <CheckField
              asSwitch
              label={t('settings.emailOptIn')}
              checked={emailOptIn}
              onChange={(e) => setEmailOptIn(e.currentTarget.checked)}
              data-testid="email-opt-in"
              error={fieldError(presented, 'emailOptIn')}
            />
            <CheckField
              asSwitch
              label={t('settings.smsOptIn')}
              checked={smsOptIn}
              onChange={(e) => setSmsOptIn(e.currentTarget.checked)}
              data-testid="sms-opt-in"
              error={fieldError(presented, 'smsOptIn')}
            />
            <TextInput
              label={t('settings.phone')}
              description={t('settings.phoneHint')}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={fieldError(presented, 'phone', local.phone)}
              data-testid="phone"
            />
            <NativeSelect
              label={t('settings.timeZone')}
              value={timeZone}
              onChange={(e) => setTimeZone(e.currentTarget.value)}
              data={zones.map((z) => ({ value: z, label: `${z} (${offsetOf(z)})` }))}
              error={fieldError(presented, 'timeZone')}
              data-testid="time-zone"
            />
            <NativeSelect
              label={t('settings.language')}
              value={lang}
              onChange={(e) => setLangChoice(e.currentTarget.value as Lang)}
              data={LANGS.map((l) => ({ value: l, label: LANG_NAMES[l].name }))}
              error={fieldError(presented, 'locale')}
              data-testid="language"
            />
            <Button type="submit" loading={res.fetching} style={{ alignSelf: 'flex-start' }}>
              {t('settings.save')}
            </Button>
            {saved === 'settings' && (
              <Alert color="green" role="status" data-testid="saved">
                <Text size="sm" c="dark">
                  {t('settings.saved')}
                </Text>
              </Alert>
            )}
          </Stack>
        </form>
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="unsub-title">
        <Title order={2} size="h3" id="unsub-title" mb="xs">
          {t('settings.unsubscribe.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('settings.unsubscribe.text')}
        </Text>
        <Button
          variant="default"
          onClick={() => void unsubscribe()}
          disabled={res.fetching}
          data-testid="unsubscribe"
          styles={WRAPPING_BUTTON}
        >
          {t('settings.unsubscribe.button')}
        </Button>
        {saved === 'unsubscribed' && (
          <Alert color="green" role="status" mt="sm" data-testid="unsubscribed">
            <Text size="sm" c="dark">
              {t('settings.unsubscribe.done')}
            </Text>
          </Alert>
        )}
      </Card>
    </>
  );
}

function ExportData() {
  const { t } = useTranslation();
  const client = useClient();
  const present = usePresentError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    const r = await client.query(ExportMyDataDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.error) return setError(present(r.error)?.message ?? null);
    const json = JSON.stringify(r.data?.exportMyData ?? null, null, 2);
    saveFile(new Blob([json], { type: 'application/json' }), `yvc-my-data-${localDate(new Date())}.json`);
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="export-title">
      <Title order={2} size="h3" id="export-title" mb="xs">
        {t('settings.export.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('settings.export.text')}
      </Text>
      <Button
        variant="default"
        onClick={() => void download()}
        loading={busy}
        data-testid="export"
        styles={WRAPPING_BUTTON}
      >
        {t('settings.export.button')}
      </Button>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error}
        </Alert>
      )}
    </Card>
  );
}

function WithdrawConsent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [understood, setUnderstood] = useState(false);
  const [missing, setMissing] = useState(false);
  const [res, withdraw] = useMutation(WithdrawConsentDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!understood);
    if (!understood) return;
    const r = await withdraw({});
    if (!r.data?.withdrawConsent) return;
    // the sessions are already ended on the server: this clears the cookie and the memory
    await logout();
    void navigate('/goodbye', { replace: true });
  };
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="withdraw-title"
      style={{ borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 }}
    >
      <Title order={2} size="h3" id="withdraw-title" mb="xs">
        {t('settings.withdraw.title')}
      </Title>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('settings.withdraw.intro')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('settings.withdraw.erased')}</List.Item>
            <List.Item>{t('settings.withdraw.seats')}</List.Item>
            <List.Item>{t('settings.withdraw.revoked')}</List.Item>
            <List.Item>{t('settings.withdraw.login')}</List.Item>
          </List>
          <Text size="sm" fw={700}>
            {t('settings.withdraw.final')}
          </Text>
          <ErrorAlert error={res.error} />
          <CheckField
            label={t('settings.withdraw.confirm')}
            checked={understood}
            onChange={(e) => {
              setUnderstood(e.currentTarget.checked);
              if (e.currentTarget.checked) setMissing(false);
            }}
            error={missing ? t('settings.withdraw.confirmNeeded') : undefined}
            aria-invalid={missing}
            data-testid="withdraw-confirm"
          />
          <Button
            type="submit"
            color="red.9"
            loading={res.fetching}
            style={{ alignSelf: 'flex-start' }}
            data-testid="withdraw"
            styles={WRAPPING_BUTTON}
          >
            {t('settings.withdraw.button')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function Settings() {
  const { t } = useTranslation();
  const [res, reexecute] = useQuery({ query: MySettingsDocument });
  const me = res.data?.me;
  return (
    <Stack maw={640}>
      <PageTitle title={t('settings.title')}>{t('settings.title')}</PageTitle>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!me && res.fetching && <Loader aria-label={t('app.loading')} />}
      {/* keyed by member: the form starts from what is saved, and keeps its own state after */}
      {me && <PreferencesForm key={me.id} me={me} />}
      {me && <ExportData />}
      {me && <WithdrawConsent />}
    </Stack>
  );
}

/** Preferences (e-mail, SMS and its phone, zone, language), unsubscribe, export, withdraw consent. */
export default function SettingsPage() {
  return <RequireMember>{() => <Settings />}</RequireMember>;
}
