import type { InputHTMLAttributes } from 'react';
import classes from './Scanner.module.css';

/**
 * A labelled text input with its help and error wired for screen readers (aria-describedby,
 * aria-invalid). Plain HTML instead of Mantine's TextInput: its chunk would be ~4 KB gzip more in
 * the scanner's budget (60 KB beyond the first load).
 */
export function Field({
  id,
  label,
  description,
  error,
  ...input
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const described = [error ? `${id}-error` : null, description ? `${id}-help` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes.field}>
      <label htmlFor={id} className={classes.label}>
        {label}
      </label>
      {description && (
        <p id={`${id}-help`} className={classes.help}>
          {description}
        </p>
      )}
      <input
        id={id}
        type="text"
        className={classes.input}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className={classes.fieldError}>
          {error}
        </p>
      )}
    </div>
  );
}
