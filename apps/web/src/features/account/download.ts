/**
 * Saves data the page already holds as a file (a blob: URL and a link with `download`), so no
 * secret ever goes into an address: the certificate PDF fetched with the token in a header, the
 * badge credential, the data export.
 */
export function saveFile(content: Blob, filename: string): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the URL; free it a little later
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A same-origin path for one of the API's own files (the API gives absolute PUBLIC_URL addresses). */
export function ownPath(url: string): string {
  const u = new URL(url, window.location.origin);
  return u.pathname + u.search;
}
