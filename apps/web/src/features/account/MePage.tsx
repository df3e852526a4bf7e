import { Anchor, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { PageTitle } from '../../shared/layout/PageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';

const MeDocument = graphql(`
  query Me {
    me {
      id
      fullName
      membershipNumber
      unit {
        id
        name
      }
    }
  }
`);

function Me() {
  const { t } = useTranslation();
  const [res] = useQuery({ query: MeDocument });
  const me = res.data?.me;
  return (
    <Stack>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <ErrorAlert error={res.error} />
      {!me && res.fetching && <Loader aria-label={t('app.loading')} />}
      {me && (
        <>
          <Text data-testid="greeting">{t('account.greeting', { name: me.fullName })}</Text>
          <Text>
            {t('account.membershipNumber')}: {me.membershipNumber ?? '—'}
          </Text>
          <Text>
            {t('account.unit')}: {me.unit?.name}
          </Text>
          <nav aria-labelledby="me-sections">
            <Title order={2} size="h4" id="me-sections" mb="xs">
              {t('account.sections')}
            </Title>
            <List spacing="xs">
              <List.Item>
                <Anchor component={Link} to="/me/badges">
                  {t('account.badgesLink')}
                </Anchor>
              </List.Item>
              <List.Item>
                <Anchor component={Link} to="/me/certificate">
                  {t('account.certificateLink')}
                </Anchor>
              </List.Item>
              <List.Item>
                <Anchor component={Link} to="/notifications">
                  {t('nav.notifications')}
                </Anchor>
              </List.Item>
              <List.Item>
                <Anchor component={Link} to="/me/settings">
                  {t('account.settingsLink')}
                </Anchor>
              </List.Item>
            </List>
          </nav>
        </>
      )}
      {me && <ChangePasswordForm />}
    </Stack>
  );
}

/** The signed-in member's own page (the student pages grow from here). */
export default function MePage() {
  return <RequireMember>{() => <Me />}</RequireMember>;
}
