import { weakEtag } from './etag';

describe('weakEtag', () => {
  it('is what Express (the etag package) made for the same body', () => {
    // etag('') and etag('hello'), weak
    expect(weakEtag('')).toBe('W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"');
    expect(weakEtag('hello')).toBe('W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"');
    expect(weakEtag(Buffer.from('hello'))).toBe(weakEtag('hello'));
    expect(weakEtag('привет')).toMatch(/^W\/"c-/); // the length is in bytes
  });
});
