/**
 * A small arrow drawn as SVG (up, down, or both for "sortable"): a shape, not a text glyph, so it
 * adds no noise for screen readers (the words say the same) and no one-character text for the
 * contrast checker to guess about.
 */
export function Glyph({ dir }: { dir: 'up' | 'down' | 'both' | 'same' }) {
  const d =
    dir === 'up'
      ? 'M5 1 L9 8 L1 8 Z'
      : dir === 'down'
        ? 'M1 2 L9 2 L5 9 Z'
        : dir === 'both'
          ? 'M5 0 L8 4 L2 4 Z M2 6 L8 6 L5 10 Z'
          : 'M1 3 H9 V4.5 H1 Z M1 6 H9 V7.5 H1 Z';
  return (
    <svg
      width="10"
      height="10"
      viewBox="0 0 10 10"
      aria-hidden="true"
      focusable="false"
      style={{ marginInline: 4 }}
    >
      <path d={d} fill="currentColor" />
    </svg>
  );
}
