import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls sideways inside this box. It can take the focus (and is named),
 * so a keyboard user can scroll it too: WCAG's "scrollable region must be focusable".
 */
export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
