import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { getSession } from '../auth/session';
import { currentClient } from '../graphql/client';
import { LANGS, LANG_NAMES, type Lang, setLang } from '../i18n';

const SaveLocaleDocument = graphql(`
  mutation SaveLocale($locale: Locale!) {
    updateMe(input: { locale: $locale }) {
      id
      locale
    }
  }
`);

/** Saves the language to the member's account, so e-mails and SMS come in it too. */
export async function saveLocale(lang: Lang): Promise<void> {
  if (getSession().status !== 'member') return;
  await currentClient()
    .mutation(SaveLocaleDocument, { locale: lang.toUpperCase() as 'KK' | 'RU' | 'EN' })
    .toPromise();
}

/** kk / ru / en, each named in itself; the choice is remembered and sent with every request. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const choose = async (next: Lang) => {
    if (next === lang) return;
    if (await setLang(next)) await saveLocale(next);
  };
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('app.language')}>
      {LANGS.map((l) => (
        <Button
          key={l}
          size="compact-sm"
          variant={l === lang ? 'filled' : 'default'}
          aria-pressed={l === lang}
          lang={l}
          aria-label={LANG_NAMES[l].name}
          onClick={() => void choose(l)}
          data-testid={`lang-${l}`}
        >
          {LANG_NAMES[l].short}
        </Button>
      ))}
    </Group>
  );
}
