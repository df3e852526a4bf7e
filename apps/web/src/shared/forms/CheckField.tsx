import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import classes from './CheckField.module.css';

/**
 * A labelled checkbox (or, with `asSwitch`, an on/off switch: `role="switch"`) with its error
 * under it, tied by aria-describedby and aria-invalid. The browser's own control, drawn large:
 * Mantine's Checkbox and Switch cost 4 KB gzipped on the sign-up and settings pages' first load
 * (over the 170 KB budget) for what the native input does.
 */
export function CheckField({
  label,
  error,
  asSwitch,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: ReactNode;
  error?: ReactNode;
  asSwitch?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={classes.root}>
      <div className={classes.row}>
        <input
          {...input}
          id={id}
          type="checkbox"
          role={asSwitch ? 'switch' : undefined}
          className={asSwitch ? `${classes.input} ${classes.switch}` : classes.input}
          aria-invalid={error ? true : input['aria-invalid']}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={id} className={classes.label}>
          {label}
        </label>
      </div>
      {error && (
        <div id={errorId} className={classes.error}>
          {error}
        </div>
      )}
    </div>
  );
}
