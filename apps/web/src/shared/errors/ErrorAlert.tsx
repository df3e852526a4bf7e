import { Alert, Button } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { usePresentError } from './useErrorText';

/** A failed request's message, announced to screen readers, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const { t } = useTranslation();
  const presented = usePresentError()(error);
  if (!presented) return null;
  return (
    <Alert color="red" role="alert" variant="light" data-testid="error-alert">
      {presented.message}
      {onRetry && (
        <Button variant="subtle" color="red" ml="sm" size="compact-sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
