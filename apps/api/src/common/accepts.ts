/**
 * Which of `offered` media types (full types, in order of our preference) the Accept header
 * prefers, as Express's `req.accepts([...])` chose: the highest q, then the more specific range
 * (`text/html` over `text/*` over `*\/*`), then the range the client listed first, then ours.
 * No header means anything: our first. None acceptable: false.
 */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | false {
  if (!accept) return offered[0] ?? false;
  const ranges = accept.split(',').flatMap((part, index) => {
    const [range, ...params] = part.trim().split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k?.trim().toLowerCase() === 'q') q = Number(v);
    }
    return Number.isFinite(q) ? [{ type, subtype, q, index }] : [];
  });
  let best: { offer: string; q: number; s: number; index: number; order: number } | null = null;
  offered.forEach((offer, order) => {
    const [type, subtype] = offer.toLowerCase().split('/');
    let match: { q: number; s: number; index: number } | null = null;
    for (const r of ranges) {
      const s =
        (r.type === type ? 4 : r.type === '*' ? 0 : -1) +
        (r.subtype === subtype ? 2 : r.subtype === '*' ? 0 : -10);
      if (s < 0) continue;
      if (!match || s > match.s || (s === match.s && r.index < match.index))
        match = { q: r.q, s, index: r.index };
    }
    if (!match || match.q <= 0) return;
    if (
      !best ||
      match.q > best.q ||
      (match.q === best.q && (match.s > best.s || (match.s === best.s && match.index < best.index)))
    )
      best = { offer, ...match, order };
  });
  return best ? (best as { offer: string }).offer : false;
}
