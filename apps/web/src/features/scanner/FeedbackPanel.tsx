import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { formatTime } from '../../shared/i18n/format';
import type { Feedback } from './useScans';
import classes from './Scanner.module.css';

const SYMBOL = { ok: '✓', already: '!', error: '✕', queued: '⏳' } as const;

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
      <span className={classes.symbol} aria-hidden>
        {feedback ? SYMBOL[feedback.tone] : '⌖'}
      </span>
      <div>
        <div className={classes.feedbackTitle}>{title}</div>
        {text && <div className={classes.feedbackText}>{text}</div>}
      </div>
    </div>
  );
}
