import type { PresentedError } from '../errors/present';

/**
 * The message for one form field from a presented error (`extensions.fields`), falling back to a
 * client-side check's message. Use as `error={fieldError(presented, 'email', local.email)}` on a
 * Mantine input: it renders the text under the field and sets aria-invalid / aria-describedby.
 */
export function fieldError(
  presented: PresentedError | undefined,
  field: string,
  local?: string,
): string | undefined {
  return local ?? presented?.fields[field];
}

/** The sentence for the top of a form: only when no field got a message of its own. */
export function formMessage(presented: PresentedError | undefined): string | undefined {
  if (!presented) return undefined;
  return Object.keys(presented.fields).length ? undefined : presented.message;
}
