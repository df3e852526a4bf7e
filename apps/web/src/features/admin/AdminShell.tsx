import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { SessionMemberFragment } from '../../gql/graphql';
import { OFFICER_ROLES, RequireRole } from '../../shared/auth/RequireRole';
import { PageTitle } from '../../shared/layout/PageTitle';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';

const SECTIONS = [
  { to: '/admin', label: 'nav.home', end: true },
  { to: '/admin/clubs', label: 'nav.clubs' },
  { to: '/admin/badges', label: 'nav.badges' },
  { to: '/admin/certificates', label: 'nav.certificates' },
] as const;

/**
 * Every administration page: for COMMISSION and ADMIN only (the API checks each operation and its
 * scope again), its one <h1>, and the row of section links (the current one marked with
 * aria-current and underlined, not by colour alone).
 */
export function AdminShell({
  title,
  heading,
  children,
}: {
  title: string;
  heading?: ReactNode;
  children: (member: SessionMemberFragment) => ReactNode;
}) {
  const { t } = useFeatureTranslation('admin');
  return (
    <Stack>
      <PageTitle title={title}>{heading ?? title}</PageTitle>
      <RequireRole roles={OFFICER_ROLES}>
        {(member) => (
          <Stack>
            <nav aria-label={t('nav.label')}>
              <Group gap="md" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {SECTIONS.map((s) => (
                  <li key={s.to}>
                    <NavLink
                      to={s.to}
                      end={'end' in s}
                      style={({ isActive }) => ({
                        color: 'var(--mantine-color-anchor)',
                        display: 'inline-block',
                        padding: '10px 4px',
                        fontWeight: isActive ? 700 : 400,
                        textDecoration: isActive ? 'underline' : undefined,
                        textUnderlineOffset: 4,
                      })}
                    >
                      {t(s.label)}
                    </NavLink>
                  </li>
                ))}
              </Group>
            </nav>
            {children(member)}
          </Stack>
        )}
      </RequireRole>
    </Stack>
  );
}

/** A short confirmation after an action, announced politely to screen readers. */
export function Done({ text, testId }: { text: string | null; testId?: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" data-testid={testId}>
      {text && (
        <p style={{ margin: 0, padding: '8px 12px', borderLeft: '4px solid #1b5e20', background: '#edf7ee' }}>
          ✓ {text}
        </p>
      )}
    </div>
  );
}
