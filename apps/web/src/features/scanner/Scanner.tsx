import { Alert, Anchor, Button, Center, Divider, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ScannerEventQuery } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDateTime, formatTime } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { PageTitle } from '../../shared/layout/PageTitle';
import { useOnline } from '../../shared/layout/online';
import { loadOffline, saveOffline } from '../../shared/offline/cache';
import { DECODER_WORKER_URL, type Decoder, type ScanStats, keep, makeDecoder, newScanStats } from './decoder';
import { entranceCode } from './entranceCode';
import { FeedbackPanel } from './FeedbackPanel';
import { ManualEntry } from './ManualEntry';
import { keepForOffline } from './offlineAssets';
import type { ScanRecord } from './scanQueue';
import { signal, unlockAudio } from './signals';
import { useCamera } from './useCamera';
import { type Feedback, feedbackOf, nextSeq, toneOf, useScans } from './useScans';
import { WalkInForm } from './WalkInForm';
import classes from './Scanner.module.css';

const ScannerEventDocument = graphql(`
  query ScannerEvent($id: ID!) {
    event(id: $id) {
      id
      title
      status
      startsAt
      endsAt
      timeZone
      capacity
      registeredCount
      attendedCount
      walkIns
    }
  }
`);

type ScanEvent = NonNullable<ScannerEventQuery['event']>;

/**
 * The camera sees the same code for as long as it is held up: it is read once, and again only after
 * it has been out of sight this long (a slow phone may miss it in a few frames meanwhile).
 */
const SAME_CODE_MS = 10_000;
/** At most this many frames a second are decoded (a frame every ~66 ms keeps a phone cool). */
const FRAME_MS = 66;

/**
 * The scanner for one event. `memberId` null: the session could not be confirmed (no network at
 * load): the event's saved data is shown and every scan is queued.
 */
export function Scanner({ eventId, memberId }: { eventId: string; memberId: string | null }) {
  const { t, i18n } = useFeatureTranslation('scanner');
  const lang = i18n.language as Lang;
  const online = useOnline();
  const canSend = memberId !== null && online;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ScannerEventDocument,
    variables: { id: eventId },
    pause: memberId === null,
    requestPolicy: 'cache-and-network',
  });
  const offlineKey = `scan.${eventId}`;
  const [saved] = useState(() => loadOffline<ScanEvent>(offlineKey, memberId ?? undefined));
  const event: ScanEvent | null | undefined = data?.event ?? (data ? null : saved?.data);
  useEffect(() => {
    if (memberId && data?.event) saveOffline(offlineKey, memberId, data.event);
  }, [memberId, data, offlineKey]);

  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const show = useCallback((f: Feedback) => {
    setFeedback(f);
    signal(f.tone);
  }, []);

  const counts = useRef<() => void>(() => undefined);
  counts.current = () => {
    if (canSend) refetch({ requestPolicy: 'network-only' });
  };
  const onAnswered = useCallback((scan: ScanRecord) => {
    // a queued scan got the server's answer: the panel follows it if it still shows that scan
    setFeedback((f) => (f?.scanId === scan.scanId ? { ...feedbackOf(scan), seq: f.seq } : f));
    if (scan.outcome === 'OK') counts.current();
  }, []);
  const { scans, pending, syncing, read, sync } = useScans(eventId, canSend, onAnswered, lang);

  const handle = useCallback(
    async (text: string) => {
      const code = entranceCode(text);
      if (!code) return show({ tone: 'error', reason: 'notACode', seq: nextSeq() });
      const { scan, earlier } = await read(code);
      if (earlier) {
        show({
          ...feedbackOf(scan),
          tone: scan.state === 'pending' ? 'queued' : 'already',
          reason: 'alreadyHere',
          at: scan.state === 'pending' ? scan.scannedAt : (scan.checkedInAt ?? scan.scannedAt),
        });
        return;
      }
      show(feedbackOf(scan));
      if (toneOf(scan) === 'ok') counts.current();
    },
    [read, show],
  );

  if (memberId !== null && fetching && !event)
    return (
      <Center mih="50dvh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  if (!event)
    return (
      <main id="main" className={classes.page}>
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        {error && !saved ? (
          <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Alert color="yellow" role="status">
            {t('noSavedEvent')}
          </Alert>
        )}
      </main>
    );

  return (
    <ScannerView
      event={event}
      savedAt={data?.event ? null : (saved?.savedAt ?? null)}
      online={online}
      canSend={canSend}
      feedback={feedback}
      onCode={handle}
      onWalkIn={(f) => {
        show(f);
        if (f.tone === 'ok') counts.current();
      }}
      scans={scans}
      pending={pending}
      syncing={syncing}
      sync={() => void sync()}
      lang={lang}
    />
  );
}

function ScannerView({
  event,
  savedAt,
  online,
  canSend,
  feedback,
  onCode,
  onWalkIn,
  scans,
  pending,
  syncing,
  sync,
  lang,
}: {
  event: ScanEvent;
  savedAt: string | null;
  online: boolean;
  canSend: boolean;
  feedback: Feedback | null;
  onCode: (text: string) => Promise<void>;
  onWalkIn: (f: Feedback) => void;
  scans: ScanRecord[];
  pending: number;
  syncing: boolean;
  sync: () => void;
  lang: Lang;
}) {
  const { t } = useFeatureTranslation('scanner');
  const video = useRef<HTMLVideoElement>(null);
  const camera = useCamera(video);
  const handler = useRef(onCode);
  handler.current = onCode;

  // the decode loop: one frame at a time, at most every FRAME_MS, for as long as the camera is on
  useEffect(() => {
    if (camera.status !== 'on') return;
    let live = true;
    let decoder: Decoder | null = null;
    let last = { text: '', at: 0 };
    let lastEmpty = performance.now();
    let stats: ScanStats | null = null;
    void (async () => {
      decoder = await makeDecoder();
      if (!live) return decoder.close();
      stats = newScanStats(decoder.kind);
      void keepForOffline(decoder.kind === 'worker' ? [DECODER_WORKER_URL] : []);
      while (live) {
        const el = video.current;
        const started = performance.now();
        let text: string | null = null;
        if (el && el.readyState >= 2) {
          try {
            text = await decoder.decode(el);
          } catch {
            text = null;
          }
          const now = performance.now();
          stats.frames++;
          keep(stats.decodeMs, now - started);
          if (!text) lastEmpty = started;
          else if (text !== last.text || now - last.at > SAME_CODE_MS) {
            keep(stats.recognised, { sinceEmptyMs: now - lastEmpty, sinceFrameMs: now - started });
            last = { text, at: now };
            void handler.current(text);
          } else last.at = now;
        }
        const wait = FRAME_MS - (performance.now() - started);
        await new Promise((r) => setTimeout(r, Math.max(0, wait)));
      }
    })();
    return () => {
      live = false;
      decoder?.close();
    };
  }, [camera.status]);

  const cameraMessage =
    camera.status === 'starting'
      ? t('cameraStarting')
      : camera.status === 'denied'
        ? t('cameraDenied')
        : camera.status === 'missing'
          ? t('cameraMissing')
          : camera.status === 'failed'
            ? t('cameraFailed')
            : null;

  return (
    <main id="main" className={classes.page} onPointerDown={unlockAudio} onKeyDown={unlockAudio}>
      <div className={classes.top}>
        <div>
          <Text size="sm" fw={600}>
            {t('title')}
          </Text>
          <PageTitle title={t('pageTitle', { title: event.title })}>
            <span style={{ fontSize: '1.35rem' }}>{event.title}</span>
          </PageTitle>
        </div>
        <Anchor
          component={Link}
          to="/console"
          size="sm"
          style={{ whiteSpace: 'nowrap', padding: '0.6rem 0' }}
        >
          {t('exit')}
        </Anchor>
      </div>
      <Stack gap="sm">
        <Text size="sm">
          <time dateTime={event.startsAt}>{formatDateTime(event.startsAt, lang, event.timeZone)}</time>–
          <time dateTime={event.endsAt}>{formatTime(event.endsAt, lang, event.timeZone)}</time>
        </Text>
        {!online && (
          <Alert color="blue" variant="light" role="status" data-testid="scanner-offline">
            {t('offline')}
            {savedAt && ` ${t('savedCopy', { time: formatDateTime(savedAt, lang, event.timeZone) })}`}
          </Alert>
        )}
        <section aria-label={t('cameraLabel')} className={classes.camera}>
          <video ref={video} muted playsInline aria-hidden data-testid="camera" />
          {camera.status === 'on' ? (
            <div className={classes.frame} />
          ) : (
            <div className={classes.cameraMessage} role="status" data-testid="camera-message">
              {cameraMessage}
            </div>
          )}
        </section>
        <Group gap="xs">
          {camera.torch !== null && (
            <Button
              variant="default"
              size="md"
              aria-pressed={camera.torch}
              onClick={() => void camera.setTorch(!camera.torch)}
              data-testid="torch"
            >
              {camera.torch ? t('torchOff') : t('torchOn')}
            </Button>
          )}
          {camera.status !== 'on' && camera.status !== 'starting' && (
            <Button variant="default" size="md" onClick={camera.restart}>
              {t('cameraRestart')}
            </Button>
          )}
        </Group>
        <FeedbackPanel feedback={feedback} timeZone={event.timeZone} />
        <Group justify="space-between" gap="xs">
          <Text fw={700} size="lg" data-testid="scan-counts">
            {t('counts', { in: event.attendedCount, registered: event.registeredCount })}
          </Text>
          {pending > 0 && (
            <Text fw={600} data-testid="scan-pending">
              {t('waiting', { count: pending })}
            </Text>
          )}
        </Group>
        {pending > 0 && (
          <Button size="md" onClick={sync} disabled={!canSend} loading={syncing} data-testid="sync-now">
            {t('syncNow')}
          </Button>
        )}
        <Text size="sm" c="dimmed">
          {t('soundHint')}
        </Text>
        <Divider />
        <ManualEntry onCode={(text) => void onCode(text)} />
        <Divider />
        <WalkInForm eventId={event.id} online={canSend} onAnswer={onWalkIn} />
        <Divider />
        <RecentScans scans={scans} timeZone={event.timeZone} />
      </Stack>
    </main>
  );
}

const DOT = { ok: '#1b6e34', already: '#f2b705', error: '#b3261e', queued: '#1c4e80' } as const;

function RecentScans({ scans, timeZone }: { scans: ScanRecord[]; timeZone: string }) {
  const { t, i18n } = useFeatureTranslation('scanner');
  const lang = i18n.language as Lang;
  const shown = scans.slice(0, 30);
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title" style={{ fontSize: '1.1rem', margin: '0 0 0.25rem' }}>
        {t('recent')}
      </h2>
      {shown.length === 0 ? (
        <Text size="sm">{t('recentEmpty')}</Text>
      ) : (
        <ol className={classes.recent} data-testid="recent-scans">
          {shown.map((s) => {
            const tone = toneOf(s);
            const what =
              tone === 'queued'
                ? t('pending')
                : tone === 'ok'
                  ? t('outcome_OK')
                  : tone === 'already'
                    ? t('outcome_ALREADY_CHECKED_IN')
                    : (s.message ?? t('outcome_error'));
            return (
              <li key={s.scanId} data-testid="recent-scan" data-tone={tone} data-scan-id={s.scanId}>
                <span>
                  <span className={classes.dot} style={{ background: DOT[tone] }} aria-hidden />
                  {s.fullName ?? `…${s.code.slice(-6)}`}: {what}
                </span>
                <time dateTime={s.scannedAt}>{formatTime(s.scannedAt, lang, timeZone)}</time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
