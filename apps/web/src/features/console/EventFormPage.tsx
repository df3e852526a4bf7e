import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleEventFormQuery, ConsoleScopeFormQuery, EventKind } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { DEFAULT_TIME_ZONE } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { PageTitle } from '../../shared/layout/PageTitle';
import { StaffPage } from './StaffPage';
import { isoToWall, shiftWall, wallToIso } from './zonedTime';

const ScopeDocument = graphql(`
  query ConsoleScopeForm {
    myStaffScope {
      units {
        id
        name
      }
      clubs {
        id
        name
        unit {
          id
          name
        }
      }
    }
  }
`);

const EventFormDocument = graphql(`
  query ConsoleEventForm($id: ID!) {
    event(id: $id) {
      id
      title
      description
      kind
      status
      startsAt
      endsAt
      timeZone
      capacity
      reminderOffsetsMinutes
      unit {
        id
        name
      }
      club {
        id
        name
      }
      venue {
        name
        address
        wheelchairAccessible
        signLanguage
      }
    }
  }
`);

const CreateEventDocument = graphql(`
  mutation ConsoleCreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
      status
    }
  }
`);

const UpdateEventDocument = graphql(`
  mutation ConsoleUpdateEvent($id: ID!, $input: UpdateEventInput!) {
    updateEvent(id: $id, input: $input) {
      id
      title
      description
      startsAt
      endsAt
      capacity
      reminderOffsetsMinutes
      venue {
        name
        address
        wheelchairAccessible
        signLanguage
      }
    }
  }
`);

const KINDS: EventKind[] = ['FORUM', 'DEBATE', 'TRAINING', 'MEETING', 'MOCK_ELECTION', 'QUIZ', 'OTHER'];
/** the reminder choices (minutes before the start); the API allows up to 5, 1 min to 30 days */
const OFFSETS = [10080, 2880, 1440, 180, 120, 60, 30];

type Source = NonNullable<ConsoleEventFormQuery['event']>;
type Scope = ConsoleScopeFormQuery['myStaffScope'];

interface Draft {
  title: string;
  description: string;
  kind: EventKind;
  host: string;
  venueName: string;
  venueAddress: string;
  wheelchair: boolean;
  signLanguage: boolean;
  startsAt: string;
  endsAt: string;
  capacity: string;
  offsets: number[];
}

function draftFrom(e: Source | null | undefined, copy: boolean, scope: Scope | undefined): Draft {
  const tz = e?.timeZone ?? DEFAULT_TIME_ZONE;
  const wall = (iso: string) => (copy ? shiftWall(isoToWall(iso, tz), 7) : isoToWall(iso, tz));
  const firstHost = scope?.clubs[0]
    ? `club:${scope.clubs[0].id}`
    : scope?.units[0]
      ? `unit:${scope.units[0].id}`
      : '';
  return {
    title: e?.title ?? '',
    description: e?.description ?? '',
    kind: e?.kind ?? 'FORUM',
    host: e ? (e.club ? `club:${e.club.id}` : `unit:${e.unit.id}`) : firstHost,
    venueName: e?.venue?.name ?? '',
    venueAddress: e?.venue?.address ?? '',
    wheelchair: e?.venue?.wheelchairAccessible ?? false,
    signLanguage: e?.venue?.signLanguage ?? false,
    startsAt: e ? wall(e.startsAt) : '',
    endsAt: e ? wall(e.endsAt) : '',
    capacity: e ? String(e.capacity) : '50',
    offsets: e ? [...e.reminderOffsetsMinutes] : [1440, 120],
  };
}

function EventForm({
  source,
  mode,
  scope,
}: {
  source: Source | null;
  mode: 'new' | 'copy' | 'edit';
  scope: Scope | undefined;
}) {
  const { t } = useFeatureTranslation('console');
  const navigate = useNavigate();
  const present = usePresentError();
  const [d, setD] = useState<Draft>(() => draftFrom(source, mode === 'copy', scope));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [createRes, create] = useMutation(CreateEventDocument);
  const [updateRes, update] = useMutation(UpdateEventDocument);
  const res = mode === 'edit' ? updateRes : createRes;
  const presented = present(res.error);
  const tz = source?.timeZone ?? DEFAULT_TIME_ZONE;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const startsAt = wallToIso(d.startsAt, tz);
    const endsAt = wallToIso(d.endsAt, tz);
    if (!startsAt) problems.startsAt = t('form.timeNeeded');
    if (!endsAt) problems.endsAt = t('form.timeNeeded');
    const capacity = Number(d.capacity);
    if (!/^\d+$/.test(d.capacity.trim())) problems.capacity = t('form.capacityNeeded');
    if (mode !== 'edit' && !d.host) problems.host = t('form.hostNeeded');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const venue =
      d.venueName.trim() || d.venueAddress.trim()
        ? {
            name: d.venueName,
            address: d.venueAddress,
            wheelchairAccessible: d.wheelchair,
            signLanguage: d.signLanguage,
          }
        : null;
    const common = {
      title: d.title,
      description: d.description.trim() ? d.description : null,
      venue,
      startsAt: startsAt!,
      endsAt: endsAt!,
      capacity,
      reminderOffsetsMinutes: [...d.offsets].sort((a, b) => b - a),
    };
    if (mode === 'edit' && source) {
      const r = await update({ id: source.id, input: common });
      if (r.data) void navigate(`/console/events/${source.id}`, { state: { saved: true } });
      return;
    }
    const [kind, id] = d.host.split(':');
    const club = kind === 'club' ? scope?.clubs.find((c) => c.id === id) : undefined;
    const r = await create({
      input: {
        ...common,
        kind: d.kind,
        unitId: club ? club.unit.id : id,
        clubId: club ? club.id : null,
        timeZone: tz,
      },
    });
    if (r.data) void navigate(`/console/events/${r.data.createEvent.id}`, { state: { created: true } });
  };

  const top = formMessage(presented);
  const err = (field: string, also?: string) => fieldError(presented, field, local[also ?? field]);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-title">
      <Stack gap="md" maw={720}>
        {top && (
          <Alert color="red" role="alert" data-testid="form-error">
            {top}
          </Alert>
        )}
        <TextInput
          label={t('form.title')}
          required
          value={d.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={err('title')}
          data-testid="title"
        />
        {mode === 'edit' && source ? (
          <Text size="sm" data-testid="fixed-host">
            {t(`events.kind.${source.kind}`, { ns: 'translation' })} · {source.club?.name ?? source.unit.name}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('form.kind')}
              value={d.kind}
              onChange={(e) => set('kind', e.currentTarget.value as EventKind)}
              data={KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`, { ns: 'translation' }) }))}
              error={err('kind')}
              data-testid="kind"
            />
            <NativeSelect
              label={t('form.host')}
              description={t('form.hostHint')}
              value={d.host}
              onChange={(e) => set('host', e.currentTarget.value)}
              data={[
                ...(scope?.clubs.length
                  ? [
                      {
                        group: t('form.clubs'),
                        items: scope.clubs.map((c) => ({
                          value: `club:${c.id}`,
                          label: `${c.name} (${c.unit.name})`,
                        })),
                      },
                    ]
                  : []),
                ...(scope?.units.length
                  ? [
                      {
                        group: t('form.units'),
                        items: scope.units.map((u) => ({ value: `unit:${u.id}`, label: u.name })),
                      },
                    ]
                  : []),
              ]}
              error={err('clubId') ?? err('unitId', 'host')}
              data-testid="host"
            />
          </SimpleGrid>
        )}
        <Textarea
          label={t('form.description')}
          autosize
          minRows={3}
          value={d.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={err('description')}
          data-testid="description"
        />
        <Fieldset legend={t('form.venue')}>
          <Stack gap="sm">
            <TextInput
              label={t('form.venueName')}
              value={d.venueName}
              onChange={(e) => set('venueName', e.currentTarget.value)}
              error={err('venue.name')}
              data-testid="venue-name"
            />
            <TextInput
              label={t('form.venueAddress')}
              value={d.venueAddress}
              onChange={(e) => set('venueAddress', e.currentTarget.value)}
              error={err('venue.address')}
              data-testid="venue-address"
            />
            <Checkbox
              label={t('form.wheelchair')}
              checked={d.wheelchair}
              onChange={(e) => set('wheelchair', e.currentTarget.checked)}
              data-testid="wheelchair"
            />
            <Checkbox
              label={t('form.signLanguage')}
              checked={d.signLanguage}
              onChange={(e) => set('signLanguage', e.currentTarget.checked)}
              data-testid="sign-language"
            />
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('form.startsAt')}
            description={t('form.localTime', { zone: tz })}
            required
            value={d.startsAt}
            onChange={(e) => set('startsAt', e.currentTarget.value)}
            error={err('startsAt')}
            data-testid="starts-at"
          />
          <TextInput
            type="datetime-local"
            label={t('form.endsAt')}
            description={t('form.localTime', { zone: tz })}
            required
            value={d.endsAt}
            onChange={(e) => set('endsAt', e.currentTarget.value)}
            error={err('endsAt')}
            data-testid="ends-at"
          />
        </SimpleGrid>
        <TextInput
          type="number"
          inputMode="numeric"
          min={1}
          label={t('form.capacity')}
          required
          value={d.capacity}
          onChange={(e) => set('capacity', e.currentTarget.value)}
          error={err('capacity')}
          data-testid="capacity"
          maw={200}
        />
        <Checkbox.Group
          label={t('form.reminders')}
          description={t('form.remindersHint')}
          value={d.offsets.map(String)}
          onChange={(v) => set('offsets', v.map(Number))}
          error={err('reminderOffsetsMinutes')}
          data-testid="reminders"
        >
          <Group gap="md" mt="xs">
            {[...new Set([...OFFSETS, ...d.offsets])]
              .sort((a, b) => b - a)
              .map((o) => (
                <Checkbox key={o} value={String(o)} label={offsetLabel(o, t)} />
              ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={res.fetching} data-testid="save-event">
            {mode === 'edit' ? t('form.save') : t('form.create')}
          </Button>
          <Anchor
            component={Link}
            to={source && mode === 'edit' ? `/console/events/${source.id}` : '/console'}
          >
            {t('form.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

/** "1 day", "2 hours", "30 minutes" before the start. */
export function offsetLabel(minutes: number, t: ReturnType<typeof useFeatureTranslation>['t']): string {
  if (minutes % 1440 === 0) return t('form.daysBefore', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('form.hoursBefore', { count: minutes / 60 });
  return t('form.minutesBefore', { count: minutes });
}

function EventFormLoader({ id, copyOf }: { id?: string; copyOf?: string }) {
  const { t } = useFeatureTranslation('console');
  const sourceId = id ?? copyOf;
  const [scopeRes] = useQuery({ query: ScopeDocument });
  const [eventRes] = useQuery({
    query: EventFormDocument,
    variables: { id: sourceId ?? '' },
    pause: !sourceId,
  });
  const mode = id ? 'edit' : copyOf ? 'copy' : 'new';
  const title =
    mode === 'edit' ? t('form.editTitle') : mode === 'copy' ? t('form.copyTitle') : t('form.newTitle');
  const error = scopeRes.error ?? eventRes.error;
  const loading = !scopeRes.data || (sourceId && !eventRes.data);
  return (
    <Stack>
      <Anchor component={Link} to={id ? `/console/events/${id}` : '/console'}>
        ← {t('nav.back')}
      </Anchor>
      <PageTitle title={title}>{title}</PageTitle>
      {mode === 'copy' && <Text>{t('form.copyHint')}</Text>}
      {error ? (
        <ErrorAlert error={error} />
      ) : loading ? (
        <Loader aria-label={t('app.loading', { ns: 'translation' })} />
      ) : sourceId && !eventRes.data?.event ? (
        <Text>{t('event.notFound')}</Text>
      ) : (
        <EventForm
          key={sourceId ?? 'new'}
          source={eventRes.data?.event ?? null}
          mode={mode}
          scope={scopeRes.data?.myStaffScope}
        />
      )}
    </Stack>
  );
}

/** Create an event (also as a copy of another, `?copy=<id>`, a week later) or edit one (`/:id/edit`). */
export default function EventFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const copyOf = params.get('copy') ?? undefined;
  return <StaffPage>{() => <EventFormLoader key={`${id}:${copyOf}`} id={id} copyOf={copyOf} />}</StaffPage>;
}
