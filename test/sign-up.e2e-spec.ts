import { SIGN_UP, TestApi, birthDateYearsAgo, email, fieldErrors, randomIin } from './helpers/test-api';

describe('signUp (e2e, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it.each([
    ['kk', 'KK'],
    ['ru', 'RU'],
    ['en', 'EN'],
  ])('signs up a member in %s and logs them in', async (lang, locale) => {
    const clubId = (await api.createClub('zhambyl.taraz')).id;
    const birthDate = birthDateYearsAgo(19);
    const iin = randomIin(birthDate);
    const res = await api.signUp(
      {
        locale,
        clubId,
        iin,
        birthDate,
        fullName: '  Іңкәр   Құдайбергенова ',
        email: `Inkar.${lang}.${Date.now()}@Mail.KZ`,
      },
      lang,
    );
    expect(res.accessToken).toEqual(expect.any(String));
    expect(res.refreshToken).toEqual(expect.any(String));
    expect(res.member).toMatchObject({
      fullName: 'Іңкәр Құдайбергенова',
      email: res.input.email.toLowerCase(),
      phone: '+77011234567',
      birthDate,
      locale,
      role: 'MEMBER',
      unit: { code: 'zhambyl.taraz' },
      clubs: [{ id: clubId }],
    });
    expect(res.member.membershipNumber).toMatch(/^ZHM-\d{4}-\d{6}$/);

    const me = await api.gql(`{ me { id fullName iin } }`, {}, { token: res.accessToken, lang });
    expect(me.data.me).toEqual({ id: res.member.id, fullName: 'Іңкәр Құдайбергенова', iin });

    // the IIN is stored encrypted and hashed, never in clear
    const [row] = await api.db.query(`SELECT iin_ciphertext, iin_hash FROM members WHERE id = $1`, [
      res.member.id,
    ]);
    expect(row.iin_ciphertext).not.toContain(iin);
    expect(row.iin_hash).toMatch(/^[0-9a-f]{64}$/);
    const consents = await api.db.query(`SELECT given_by, text_version FROM consents WHERE member_id = $1`, [
      res.member.id,
    ]);
    expect(consents).toEqual([{ given_by: 'SELF', text_version: '2026-01' }]);
  });

  it('requires a guardian for a minor and records the guardian consent', async () => {
    const base = { birthDate: birthDateYearsAgo(15) };
    const missing = await api.gql(SIGN_UP, { input: await api.signUpInput(base) }, { lang: 'kk' });
    expect(fieldErrors(missing).guardian).toBe(
      '18 жасқа толмаған қатысушыға ата-анасының немесе заңды өкілінің келісімі қажет.',
    );

    const notGiven = await api.gql(SIGN_UP, {
      input: await api.signUpInput({
        ...base,
        guardian: { fullName: 'Гүлнар Ахметова', phone: '+7 777 000 11 22', consentGiven: false },
      }),
    });
    expect(Object.keys(fieldErrors(notGiven))).toEqual(['guardian.consentGiven']);

    const ok = await api.signUp({
      ...base,
      guardian: { fullName: 'Гүлнар Ахметова', phone: '+7 777 000 11 22', consentGiven: true },
    });
    const consents = await api.db.query(
      `SELECT given_by, guardian_name, guardian_phone FROM consents WHERE member_id = $1 ORDER BY given_by`,
      [ok.member.id],
    );
    expect(consents).toEqual([
      { given_by: 'SELF', guardian_name: null, guardian_phone: null },
      { given_by: 'GUARDIAN', guardian_name: 'Гүлнар Ахметова', guardian_phone: '+77770001122' },
    ]);
  });

  describe('validation: every bad field gets a field-level message in the caller’s language', () => {
    it.each([
      ['fullName', { fullName: '' }, 'Required.'],
      ['fullName', { fullName: 'R2-D2' }, 'Use letters, spaces, hyphens, dots and apostrophes.'],
      ['email', { email: 'not-an-email' }, 'Enter a valid email address.'],
      ['phone', { phone: '+7 916 123 45 67' }, 'Enter a Kazakhstan mobile number, e.g. +7 701 123 4567.'],
      ['password', { password: 'short7!' }, 'The password must be at least 8 characters.'],
      ['birthDate', { birthDate: '2006-02-29' }, 'Enter a real date as YYYY-MM-DD.'],
      ['birthDate', { birthDate: '3000-01-01' }, 'The birth date cannot be in the future.'],
      [
        'birthDate',
        { birthDate: birthDateYearsAgo(13) },
        'Members must be 14 to 35 years old on the day they sign up.',
      ],
      [
        'birthDate',
        { birthDate: birthDateYearsAgo(36) },
        'Members must be 14 to 35 years old on the day they sign up.',
      ],
      ['iin', { iin: '061211600013' }, 'The IIN must be 12 digits with a valid check digit.'],
      ['iin', { iin: '990115300426' }, 'The IIN does not match the birth date.'],
      [
        'consentToDataProcessing',
        { consentToDataProcessing: false },
        'Consent to the processing of personal data is required.',
      ],
      ['unitId', { unitId: '00000000-0000-4000-8000-000000000000' }, 'No such unit.'],
      ['unitId', { unitId: 'taraz' }, 'No such unit.'],
      ['clubId', { clubId: '00000000-0000-4000-8000-000000000000' }, 'No such club, or it is archived.'],
    ])('%s: %j', async (field, override, message) => {
      const input = await api.signUpInput(override);
      const res = await api.gql(SIGN_UP, { input });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].message).toBe('Some fields need fixing.');
      expect(fieldErrors(res)[field]).toBe(message);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM members WHERE email = $1`, [
        String(input.email).toLowerCase(),
      ]);
      expect(n).toBe(0);
    });

    it('reports every bad field at once, in Russian and in Kazakh', async () => {
      const input = await api.signUpInput({ email: 'x', password: '1', consentToDataProcessing: false });
      const ru = fieldErrors(await api.gql(SIGN_UP, { input }, { lang: 'ru-RU,ru;q=0.9' }));
      expect(ru).toEqual({
        email: 'Введите корректный адрес электронной почты.',
        password: 'Пароль должен быть не короче 8 символов.',
        consentToDataProcessing: 'Необходимо согласие на обработку персональных данных.',
      });
      const kk = fieldErrors(await api.gql(SIGN_UP, { input }, { lang: 'kk' }));
      expect(kk.password).toBe('Құпиясөз кемінде 8 таңба болуы керек.');
    });

    it('an archived club cannot be joined at sign-up', async () => {
      const club = await api.createClub('zhambyl.merke');
      await api.gql(
        `mutation($id: ID!) { archiveClub(id: $id) { id } }`,
        { id: club.id },
        { token: await api.adminToken() },
      );
      const res = await api.gql(SIGN_UP, { input: await api.signUpInput({ clubId: club.id }) });
      expect(fieldErrors(res).clubId).toBe('No such club, or it is archived.');
    });
  });

  describe('uniqueness lives in PostgreSQL', () => {
    it('rejects the same email in another case with CONFLICT', async () => {
      const first = await api.signUp();
      const res = await api.gql(
        SIGN_UP,
        { input: await api.signUpInput({ email: first.input.email.toUpperCase() }) },
        { lang: 'ru' },
      );
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
      expect(res.errors![0].message).toBe('Учётная запись с этим email уже существует.');
    });

    it('rejects a second account with the same IIN', async () => {
      const birthDate = birthDateYearsAgo(22);
      const iin = randomIin(birthDate, 'M');
      await api.signUp({ birthDate, iin });
      const res = await api.gql(SIGN_UP, { input: await api.signUpInput({ birthDate, iin }) });
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IIN_TAKEN' });
    });

    it('of two concurrent sign-ups with one email exactly one wins, the other gets CONFLICT', async () => {
      const mail = email('race');
      const inputs = await Promise.all(Array.from({ length: 6 }, () => api.signUpInput({ email: mail })));
      const results = await Promise.all(inputs.map((input) => api.gql(SIGN_UP, { input })));
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.errors![0].extensions.code)).toEqual(Array(5).fill('CONFLICT'));
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM members WHERE email = $1`, [mail]);
      expect(n).toBe(1);
    });

    it('hands out membership numbers without gaps, even when sign-ups race and some fail', async () => {
      const taken = email('taken');
      await api.signUp({ email: taken });
      const inputs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => api.signUpInput(i % 3 === 0 ? { email: taken } : {})),
      );
      const results = await Promise.all(inputs.map((input) => api.gql(SIGN_UP, { input })));
      const numbers = results
        .filter((r) => !r.errors)
        .map((r) => r.data.signUp.member.membershipNumber as string);
      expect(numbers).toHaveLength(8);
      const year = Number(numbers[0].slice(4, 8));
      // one statement, one snapshot: the counter and the numbers in use agree, with no gaps
      const [{ last, seqs }] = await api.db.query(
        `SELECT (SELECT last_value FROM membership_counters WHERE prefix = 'ZHM' AND year = $1) AS last,
                array_agg(substring(membership_number FROM 10)::int ORDER BY membership_number) AS seqs
         FROM members WHERE membership_number LIKE 'ZHM-' || $1 || '-%'`,
        [year],
      );
      for (const n of numbers) expect(seqs).toContain(Number(n.slice(9)));
      const allSeqs = seqs as number[];
      expect(allSeqs).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    });
  });
});
