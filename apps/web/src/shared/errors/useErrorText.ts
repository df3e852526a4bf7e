import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { type PresentedError, presentError } from './present';

/** `present(error)` in the chosen language (see present.ts); undefined when there is no error. */
export function usePresentError(): (error: CombinedError | undefined) => PresentedError | undefined {
  const { t } = useTranslation();
  return (error) =>
    error ? presentError(error, { generic: t('errors.generic'), network: t('errors.network') }) : undefined;
}
