import { Button, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { fieldError } from '../../shared/forms/fieldErrors';
import { usePresentError } from '../../shared/errors/useErrorText';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { Field } from './Field';
import { type Feedback, nextSeq } from './useScans';

const WalkInDocument = graphql(`
  mutation ScannerWalkIn($eventId: ID!, $emailOrPhone: String!) {
    walkIn(eventId: $eventId, emailOrPhone: $emailOrPhone) {
      registrationId
      fullName
      membershipNumber
      alreadyCheckedIn
      overCapacity
      checkedInAt
      status
    }
  }
`);

/** Someone who did not register: found by phone or e-mail, registered and checked in by the API. */
export function WalkInForm({
  eventId,
  online,
  onAnswer,
}: {
  eventId: string;
  online: boolean;
  onAnswer: (feedback: Feedback) => void;
}) {
  const { t } = useFeatureTranslation('scanner');
  const present = usePresentError();
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const [result, walkIn] = useMutation(WalkInDocument);
  const presented = present(result.error);
  const fieldMessage = empty ? t('walkInEmpty') : fieldError(presented, 'emailOrPhone');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) return setEmpty(true);
    setEmpty(false);
    const res = await walkIn({ eventId, emailOrPhone: value.trim() });
    const done = res.data?.walkIn;
    if (done) {
      setValue('');
      onAnswer({
        tone: done.alreadyCheckedIn ? 'already' : 'ok',
        name: done.fullName,
        at: done.checkedInAt,
        walkIn: true,
        overCapacity: done.overCapacity,
        seq: nextSeq(),
      });
      return;
    }
    const p = present(res.error);
    // a refusal about the person (not found, several accounts, closed) goes on the big panel too
    if (p && !p.fields.emailOrPhone && res.error?.graphQLErrors.length)
      onAnswer({ tone: 'error', message: p.message, seq: nextSeq() });
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="walk-in-title" noValidate>
      <Stack gap="xs">
        <Title order={2} size="h4" id="walk-in-title">
          {t('walkInTitle')}
        </Title>
        <Field
          id="walk-in-contact"
          label={t('walkInLabel')}
          description={t('walkInHelp')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={fieldMessage}
          autoComplete="off"
          inputMode="email"
          data-testid="walk-in-input"
        />
        {!online && <Text size="sm">{t('walkInOffline')}</Text>}
        {presented && !presented.fields.emailOrPhone && !result.error?.graphQLErrors.length && (
          <Text size="sm" c="red.9" role="alert">
            {presented.message}
          </Text>
        )}
        <Button
          type="submit"
          size="md"
          disabled={!online}
          loading={result.fetching}
          data-testid="walk-in-submit"
        >
          {t('walkInSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
