import {
  Alert,
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Loader,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { UnreadLink, useUnreadCount } from '../../features/notifications/UnreadLink';
import { logout, useSession } from '../auth/session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NAV } from './navLinks';
import { useOnline } from './online';
import { markNavigation } from './PageTitle';
import classes from './Layout.module.css';

/**
 * The app shell: skip link, header (name, language, menu), offline banner, the page.
 * On a phone the menu folds behind one "Menu" button (a disclosure: aria-expanded), so the header
 * is one row and the page starts at the top of the screen; from 48em on it is a row of links.
 */
export function Layout() {
  const { t } = useTranslation();
  const online = useOnline();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const firstKey = useRef(location.key);
  const [open, setOpen] = useState(false);
  // in render, not in an effect: the new page's PageTitle runs its effect (take the focus after an
  // in-app navigation) before this component's effects would
  if (location.key !== firstKey.current) markNavigation();
  useEffect(() => {
    setOpen(false); // a followed link closes the phone menu
  }, [location.key]);
  const signedIn = session.status === 'member' || session.status === 'offline';
  const unread = useUnreadCount(session.status === 'member');
  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" py={6}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={NavLink} to="/" className={classes.brand} underline="never">
              {t('app.name')}
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitcher />
              <UnstyledButton
                className={classes.menuButton}
                aria-expanded={open}
                aria-controls="main-nav"
                onClick={() => setOpen((o) => !o)}
                data-testid="menu-button"
              >
                <span aria-hidden className={classes.burger} />
                <span className={classes.menuLabel}>{t('nav.menu')}</span>
                {unread > 0 && (
                  <>
                    <span aria-hidden className={classes.menuCount} data-testid="menu-unread">
                      {unread}
                    </span>
                    <VisuallyHidden>{` (${t('nav.unread', { count: unread })})`}</VisuallyHidden>
                  </>
                )}
              </UnstyledButton>
            </Group>
          </Group>
          <nav
            id="main-nav"
            aria-label={t('nav.label')}
            className={classes.nav}
            data-open={open || undefined}
          >
            {NAV.filter((l) => l.show(session)).map((l) => (
              <Anchor key={l.to} component={NavLink} to={l.to} end={l.end} className={classes.navLink}>
                {t(l.label)}
              </Anchor>
            ))}
            {session.status === 'member' && <UnreadLink className={classes.navLink} count={unread} />}
            {signedIn ? (
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
          </nav>
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
