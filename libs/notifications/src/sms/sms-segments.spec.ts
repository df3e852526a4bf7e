import { countSmsSegments, smsEncoding, splitSms } from './sms-segments';

const units = (s: string) => s.length;

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one SMS and splits 161 into 153 + 8', () => {
    expect(splitSms('a'.repeat(160))).toEqual({ encoding: 'GSM7', segments: ['a'.repeat(160)] });
    const { encoding, segments } = splitSms('a'.repeat(161));
    expect(encoding).toBe('GSM7');
    expect(segments.map((s) => s.length)).toEqual([153, 8]);
    expect(countSmsSegments('a'.repeat(306))).toBe(2);
    expect(countSmsSegments('a'.repeat(307))).toBe(3);
  });

  it('treats the whole GSM-7 default alphabet as GSM-7', () => {
    expect(smsEncoding('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà\r\n')).toBe('GSM7');
    expect(smsEncoding('Hello, world! 10:00')).toBe('GSM7');
    expect(smsEncoding('')).toBe('GSM7');
    expect(splitSms('')).toEqual({ encoding: 'GSM7', segments: [] });
    expect(countSmsSegments('')).toBe(0);
  });

  it('fits 70 Cyrillic characters in one SMS and splits 71 into 67 + 4', () => {
    expect(splitSms('я'.repeat(70))).toEqual({ encoding: 'UCS2', segments: ['я'.repeat(70)] });
    const { encoding, segments } = splitSms('я'.repeat(71));
    expect(encoding).toBe('UCS2');
    expect(segments.map(units)).toEqual([67, 4]);
  });

  it('makes one non-GSM character turn the whole message to UCS-2', () => {
    expect(smsEncoding('a'.repeat(100) + 'Қ')).toBe('UCS2');
    expect(countSmsSegments('a'.repeat(100) + 'Қ')).toBe(2);
    for (const ch of 'ӘҒҚҢӨҰҮҺІәғқңөұүһі') expect(smsEncoding(ch)).toBe('UCS2');
  });

  it('counts a Kazakh reminder', () => {
    const text =
      'Сәлем, Айгүл! Ертең 10:00-де «Жас сайлаушылар клубы» кездесуі өтеді: Тараз, Төле би к-сі 45. ' +
      'Қатысуыңызды растаңыз.';
    expect(smsEncoding(text)).toBe('UCS2');
    const { segments } = splitSms(text);
    expect(text.length).toBe(115);
    expect(segments).toHaveLength(2);
    expect(segments.join('')).toBe(text);
    expect(segments.every((s) => s.length <= 67)).toBe(true);
    // The first part ends at a word boundary, not mid-word.
    expect(segments[0].endsWith(' ')).toBe(true);
    expect(countSmsSegments('Ертең 10:00-де кездесу. Тараз.')).toBe(1);
  });

  it('counts extension characters as two septets', () => {
    expect(smsEncoding('{[€]}^~|\\')).toBe('GSM7');
    expect(countSmsSegments('€'.repeat(80))).toBe(1);
    expect(countSmsSegments('€'.repeat(81))).toBe(2);
    expect(countSmsSegments('a'.repeat(159) + '{')).toBe(2);
    const { segments } = splitSms('a'.repeat(152) + '[' + 'b'.repeat(10));
    // '[' does not fit in the 153rd septet: the escape and its character stay together.
    expect(segments).toEqual(['a'.repeat(152), '[' + 'b'.repeat(10)]);
  });

  it('never splits a surrogate pair', () => {
    const text = 'я'.repeat(66) + '🙂' + 'я'.repeat(10);
    const { encoding, segments } = splitSms(text);
    expect(encoding).toBe('UCS2');
    expect(segments.map(units)).toEqual([66, 12]);
    expect(segments[1].startsWith('🙂')).toBe(true);
    expect(segments.join('')).toBe(text);
    expect(countSmsSegments('🙂'.repeat(35))).toBe(1);
    expect(countSmsSegments('🙂'.repeat(36))).toBe(2);
  });

  it('prefers a space within the last characters, unless that would cost another SMS', () => {
    const text = 'a'.repeat(148) + ' ' + 'b'.repeat(20);
    expect(splitSms(text).segments).toEqual(['a'.repeat(148) + ' ', 'b'.repeat(20)]);
    // A space further back than ~10 characters is not used.
    const far = 'a'.repeat(130) + ' ' + 'b'.repeat(40);
    expect(splitSms(far).segments.map(units)).toEqual([153, 18]);
    // Exactly two full parts: moving the cut would need a third, so the cut stays exact.
    const full = 'a'.repeat(148) + ' ' + 'b'.repeat(157);
    expect(splitSms(full).segments.map(units)).toEqual([153, 153]);
  });

  it('gives back the text when the parts are joined', () => {
    const samples = [
      'Hello {world} ~ [x] | € ^ \\ '.repeat(13),
      'Құрметті мүше! Сайлау туралы дәріс 5 ақпанда 10:00-де. 🙂👍🏽 '.repeat(7),
      'Уважаемый участник, напоминаем о встрече клуба завтра в 18:00. '.repeat(5),
      '🙂'.repeat(101),
    ];
    for (const text of samples) {
      const { segments, encoding } = splitSms(text);
      expect(segments.join('')).toBe(text);
      const limit = encoding === 'GSM7' ? 153 : 67;
      for (const s of segments) {
        const size =
          encoding === 'GSM7'
            ? Array.from(s).reduce((n, c) => n + ('^{}\\[~]|€'.includes(c) ? 2 : 1), 0)
            : s.length;
        expect(size).toBeLessThanOrEqual(limit);
        expect(/^[\uDC00-\uDFFF]/.test(s)).toBe(false);
        expect(/[\uD800-\uDBFF]$/.test(s)).toBe(false);
      }
    }
  });
});
