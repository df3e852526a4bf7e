import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

/** Mantine's default "dimmed" grey fails WCAG AA contrast on white: a darker one (stack-notes). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // and its error red (#fa5252) is too light for the message under a field
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
