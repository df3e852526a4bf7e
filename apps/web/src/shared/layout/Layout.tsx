import { Alert, Anchor, Box, Button, Container, Group, Loader, Text } from '@mantine/core';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { UnreadLink } from '../../features/notifications/UnreadLink';
import { logout, useSession } from '../auth/session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useOnline } from './online';
import { markNavigation } from './PageTitle';
import classes from './Layout.module.css';

/** The app shell: skip link, header (name, menu, language, log in/out), offline banner, the page. */
export function Layout() {
  const { t } = useTranslation();
  const online = useOnline();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const firstKey = useRef(location.key);
  useEffect(() => {
    if (location.key !== firstKey.current) markNavigation();
  }, [location.key]);
  const links = [{ to: '/', label: t('nav.events'), end: true }];
  if (session.status === 'member') links.push({ to: '/me', label: t('nav.me'), end: false });
  // My events works offline too (the QR codes saved on the phone), clubs need the network
  if (session.status === 'member' || session.status === 'offline')
    links.push({ to: '/my-events', label: t('nav.myEvents'), end: false });
  if (session.status === 'member') links.push({ to: '/clubs', label: t('nav.clubs'), end: false });
  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" py="xs">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={NavLink} to="/" className={classes.brand} underline="never">
              {t('app.name')}
            </Anchor>
            <LanguageSwitcher />
          </Group>
          <Group component="nav" aria-label={t('nav.label')} gap="md" mt={6} wrap="wrap">
            {links.map((l) => (
              <Anchor key={l.to} component={NavLink} to={l.to} end={l.end} className={classes.navLink}>
                {l.label}
              </Anchor>
            ))}
            {session.status === 'member' && <UnreadLink className={classes.navLink} />}
            {session.status === 'member' || session.status === 'offline' ? (
              <Button
                variant="subtle"
                size="compact-md"
                className={classes.navButton}
                onClick={() => void logout().then(() => navigate('/'))}
              >
                {t('nav.logout')}
              </Button>
            ) : (
              <>
                <Anchor component={NavLink} to="/login" className={classes.navLink}>
                  {t('nav.login')}
                </Anchor>
                <Anchor component={NavLink} to="/signup" className={classes.navLink}>
                  {t('nav.signUp')}
                </Anchor>
              </>
            )}
          </Group>
        </Container>
      </Box>
      {!online && (
        <Alert color="yellow" radius={0} role="status" data-testid="offline-banner">
          <Text size="sm" c="dark">
            {t('app.offline')}
          </Text>
        </Alert>
      )}
      <Container component="main" id="main" size="lg" py="md" tabIndex={-1}>
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
