/**
 * What the scanner can tell about a read QR code without the server: whether it has the form of an
 * entrance code (the API's `checkInCode`: 20-64 base64url characters; ours are 43, a random 256-bit
 * token). The same rule as the API's check-in. Whether it is a real code, for this event, with a
 * seat, not cancelled: only the server knows (docs/architecture.md, "The door scanner").
 * The QR link of the confirmation e-mail (`…/qr/<code>.png`) is read as its code (manual entry).
 */
const CODE = /^[A-Za-z0-9_-]{20,64}$/;

export function entranceCode(text: string): string | null {
  const value = text.trim();
  if (CODE.test(value)) return value;
  const link = /\/qr\/([A-Za-z0-9_-]{20,64})\.png(?:[?#].*)?$/.exec(value);
  return link ? link[1] : null;
}
