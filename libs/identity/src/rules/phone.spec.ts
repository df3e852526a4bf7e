import { maskPhone, normalizeKzMobile } from './phone';

describe('normalizeKzMobile', () => {
  it.each([
    ['+7 701 123 4567', '+77011234567'],
    ['8 701 123 45 67', '+77011234567'],
    ['87011234567', '+77011234567'],
    ['+7(747)123-45-67', '+77471234567'],
    ['7011234567', '+77011234567'],
    ['77011234567', '+77011234567'],
    ['+77011234567', '+77011234567'],
    ['+7 (701) 123-45-67', '+77011234567'],
    ['8-701-123-45-67', '+77011234567'],
    ['  +7 701 123 4567  ', '+77011234567'],
  ])('normalises %j to %s', (input, e164) => {
    expect(normalizeKzMobile(input)).toBe(e164);
  });

  // 700-702, 705-708, 747, 760-764, 771, 775-778
  const MOBILE_PREFIXES = '700 701 702 705 706 707 708 747 760 761 762 763 764 771 775 776 777 778';

  it.each(MOBILE_PREFIXES.split(' '))('accepts the Kazakhstan mobile prefix %s', (prefix) => {
    expect(normalizeKzMobile(`8 ${prefix} 123 45 67`)).toBe(`+7${prefix}1234567`);
  });

  it.each([
    ['+7 916 123 45 67', 'a Russian mobile'],
    ['+7 495 123 45 67', 'a Moscow landline'],
    ['+7 7262 43 21 00', 'a Taraz landline'],
    ['8 7262 43 21 00', 'a Taraz landline, national format'],
    ['8 727 258 00 00', 'an Almaty landline'],
    ['+7 709 123 45 67', 'an unallocated 7xx prefix'],
    ['+7 701 123 456', 'one digit short'],
    ['+7 701 123 45 678', 'one digit too many'],
    ['701123', 'far too short'],
    ['+7 70a 123 4567', 'a letter'],
    ['phone', 'only letters'],
    ['', 'empty'],
    ['   ', 'only spaces'],
  ])('rejects %j (%s)', (input) => {
    expect(normalizeKzMobile(input)).toBeNull();
  });
});

describe('maskPhone', () => {
  const masked = maskPhone('+77011234567');

  it('keeps the country code, the operator prefix and the last two digits', () => {
    expect(masked.startsWith('+7701')).toBe(true);
    expect(masked.endsWith('67')).toBe(true);
  });

  it('hides the middle of the subscriber number', () => {
    expect(masked).toContain('*****');
    expect(masked).not.toContain('2345');
  });
});
