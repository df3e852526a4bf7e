import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { formatTime } from '../../shared/i18n/format';
import type { Feedback } from './useScans';
import classes from './Scanner.module.css';

/** Drawn shapes, not characters: a phone's fonts may lack ⏳, and axe cannot rate a lone glyph. */
const SYMBOL = {
  ok: 'M5 13l5 5L20 7',
  already: 'M12 4v10M12 19v1',
  error: 'M6 6l12 12M18 6L6 18',
  queued: 'M12 6v6l4 2M12 3a9 9 0 1 0 0.01 0',
  idle: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
} as const;

/**
 * The big answer to the latest scan: colour, a symbol, a title and a sentence, announced by screen
 * readers (aria-live). `timeZone` is the event's.
 */
export function FeedbackPanel({ feedback, timeZone }: { feedback: Feedback | null; timeZone: string }) {
  const { t, i18n } = useTranslation('scanner');
  const lang = i18n.language as Lang;
  const time = (iso?: string) => (iso ? formatTime(iso, lang, timeZone) : '');
  const name = feedback?.name ?? t('unknownName');
  let title = t('ready');
  let text = '';
  if (feedback?.tone === 'ok') {
    title = t('okTitle');
    text = t(feedback.walkIn ? 'okWalkIn' : 'okText', { name });
    if (feedback.overCapacity) text += ` ${t('overCapacity')}`;
  } else if (feedback?.tone === 'already') {
    title = t('alreadyTitle');
    text =
      feedback.reason === 'alreadyHere' && !feedback.name
        ? t('alreadyHere', { time: time(feedback.at) })
        : t('alreadyText', { name, time: time(feedback.at) });
  } else if (feedback?.tone === 'error') {
    title = t('errorTitle');
    text = feedback.reason === 'notACode' ? t('notACode') : (feedback.message ?? t('errorTitle'));
  } else if (feedback?.tone === 'queued') {
    title = t('queuedTitle');
    text =
      feedback.reason === 'alreadyHere'
        ? t('alreadyHere', { time: time(feedback.at) })
        : t('queuedText', { time: time(feedback.at) });
  }
  const tone = feedback?.tone ?? 'idle';
  return (
    <div
      className={`${classes.feedback} ${classes[tone]}`}
      data-testid="scan-feedback"
      data-tone={tone}
      role="status"
      aria-live="assertive"
      aria-atomic="true"
    >
      <svg className={classes.symbol} viewBox="0 0 24 24" aria-hidden focusable="false">
        <path
          d={SYMBOL[tone]}
          fill="none"
          stroke="currentColor"
          strokeWidth={3}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <div>
        <div className={classes.feedbackTitle}>{title}</div>
        {text && <div className={classes.feedbackText}>{text}</div>}
      </div>
    </div>
  );
}
