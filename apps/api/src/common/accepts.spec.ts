import { preferredType } from './accepts';

const OFFERED = ['application/json', 'text/html'];

describe('preferredType (as Express req.accepts chose)', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['application/json', 'application/json'],
    ['text/html', 'text/html'],
    ['text/*', 'text/html'],
    ['text/html;q=0.5, application/json;q=0.6', 'application/json'],
    ['text/html, application/json', 'text/html'],
    ['image/png', false],
    ['text/html;q=0', false],
  ])('%s -> %s', (accept, expected) => {
    expect(preferredType(accept, OFFERED)).toBe(expected);
  });
});
