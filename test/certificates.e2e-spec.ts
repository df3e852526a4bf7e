import { Role } from '@yvc/identity';
import { statusListBit } from '@yvc/credentials';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { TestApi, asText, birthDateYearsAgo } from './helpers/test-api';
import { followUpWithdrawal } from './helpers/pipeline';

const ISSUE = `mutation($memberId: ID!) {
  issueCertificate(memberId: $memberId) {
    id number status issuedAt expiresAt revokedReason verifyUrl pdfUrl kid credential member { id }
  }
}`;
const REVOKE = `mutation($id: ID!, $reason: String!) {
  revokeCertificate(id: $id, reason: $reason) { id status revokedReason }
}`;
const VERIFY = `query($number: String!) {
  verifyCertificate(number: $number) { number valid status holderName issuer issuedAt expiresAt }
}`;

let ipSeq = 0;
const freshIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

/** Binary body for supertest. */
function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** Pulls the (largest) colour image out of the PDF and rebuilds its RGBA pixels. */
async function pdfImageRgba(
  pdf: Buffer,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const doc = await PDFDocument.load(pdf);
  const images: PDFRawStream[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
      images.push(obj);
  }
  const num = (d: PDFDict, k: string) => (d.get(PDFName.of(k)) as PDFNumber | undefined)?.asNumber();
  const img = images
    .filter((i) => i.dict.get(PDFName.of('ColorSpace')) !== undefined)
    .sort(
      (a, b) =>
        num(b.dict, 'Width')! * num(b.dict, 'Height')! - num(a.dict, 'Width')! * num(a.dict, 'Height')!,
    )
    .find((i) => !images.some((o) => o.dict.get(PDFName.of('SMask')) === doc.context.getObjectRef(i)));
  if (!img) throw new Error('no image in the PDF');
  const width = num(img.dict, 'Width')!;
  const height = num(img.dict, 'Height')!;
  const bpc = num(img.dict, 'BitsPerComponent')!;
  const cs = img.dict.get(PDFName.of('ColorSpace'));
  const colors = cs === PDFName.of('DeviceGray') ? 1 : 3;
  if (bpc !== 8) throw new Error(`unexpected bits per component ${bpc}`);
  const filter = img.dict.get(PDFName.of('Filter'));
  const filterName = filter instanceof PDFArray ? filter.get(0) : filter;
  if (filterName !== PDFName.of('FlateDecode')) throw new Error(`unexpected filter ${String(filterName)}`);
  let raw = inflateSync(Buffer.from(img.contents));
  const parms = img.dict.get(PDFName.of('DecodeParms')) as PDFDict | undefined;
  if (parms && (num(parms, 'Predictor') ?? 1) >= 10) {
    // PNG predictors: each row starts with a filter byte
    const bpp = colors;
    const rowLen = width * colors;
    const out = Buffer.alloc(rowLen * height);
    for (let y = 0; y < height; y++) {
      const type = raw[y * (rowLen + 1)];
      const src = raw.subarray(y * (rowLen + 1) + 1, (y + 1) * (rowLen + 1));
      for (let x = 0; x < rowLen; x++) {
        const a = x >= bpp ? out[y * rowLen + x - bpp] : 0;
        const b = y > 0 ? out[(y - 1) * rowLen + x] : 0;
        const c = x >= bpp && y > 0 ? out[(y - 1) * rowLen + x - bpp] : 0;
        let v = src[x];
        if (type === 1) v += a;
        else if (type === 2) v += b;
        else if (type === 3) v += Math.floor((a + b) / 2);
        else if (type === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        out[y * rowLen + x] = v & 0xff;
      }
    }
    raw = out;
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) data[i * 4 + k] = raw[i * colors + (colors === 1 ? 0 : k)];
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

describe('certificates', () => {
  let api: TestApi;
  let clubId: string;
  let coordinator: { id: string; token: string };
  let otherCoordinator: { id: string; token: string };
  let commission: { id: string; token: string };
  let shuCommission: { id: string; token: string };

  const issue = (memberId: string, token: string) => api.gql(ISSUE, { memberId }, { token });
  const verify = (number: string, lang = 'en') => api.gql(VERIFY, { number }, { ip: freshIp(), lang });

  async function newMember(overrides: Record<string, unknown> = {}) {
    return api.signUp({ clubId, ...overrides });
  }

  beforeAll(async () => {
    api = await TestApi.start();
    clubId = (await api.createClub('zhambyl.taraz')).id;
    const otherClub = await api.createClub('zhambyl.taraz');
    coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', clubId);
    otherCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', otherClub.id);
    commission = await api.staff(Role.COMMISSION, 'zhambyl');
    shuCommission = await api.staff(Role.COMMISSION, 'zhambyl.shu');
  });
  afterAll(() => api.close());

  describe('issuing', () => {
    it("a coordinator of the member's club issues one: number, dates, links", async () => {
      const m = await newMember();
      const res = await issue(m.member.id, coordinator.token);
      expect(res.errors).toBeUndefined();
      const c = res.data.issueCertificate;
      expect(c.number).toBe(`${m.member.membershipNumber}-C1`);
      expect(c.status).toBe('VALID');
      expect(c.member.id).toBe(m.member.id);
      expect(c.revokedReason).toBeNull();
      // valid until the end of the next calendar year, Almaty time
      const year = Number(c.issuedAt.slice(0, 4));
      expect(c.expiresAt).toBe(`${year + 1}-12-31T23:59:59.000+05:00`);
      expect(c.verifyUrl).toMatch(
        new RegExp(`^http://localhost:3000/verify/${c.number}\\?c=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`),
      );
      expect(c.pdfUrl).toBe(`http://localhost:3000/certificates/${c.id}.pdf`);
      expect(decodeProtectedHeader(c.credential).kid).toBe(c.kid);
      const [row] = await api.db.query(`SELECT issued_by, kid, credential FROM certificates WHERE id = $1`, [
        c.id,
      ]);
      expect(row.issued_by).toBe(coordinator.id);
      expect(row.credential).toBe(c.credential);
    });

    it('the commission over the member issues one; a coordinator elsewhere and another commission may not', async () => {
      const m = await newMember();
      const denied = await issue(m.member.id, otherCoordinator.token);
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
      const shu = await issue(m.member.id, shuCommission.token);
      expect(shu.errors![0].extensions.code).toBe('FORBIDDEN');
      const asMember = await issue(m.member.id, m.accessToken);
      expect(asMember.errors![0].extensions.code).toBe('FORBIDDEN');
      const ok = await issue(m.member.id, commission.token);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.issueCertificate.status).toBe('VALID');
    });

    it('only to young members: a staff account gets CONFLICT in the caller language', async () => {
      const res = await api.gql(ISSUE, { memberId: coordinator.id }, { token: commission.token, lang: 'ru' });
      expect(res.errors![0].extensions.code).toBe('CONFLICT');
      expect(res.errors![0].extensions.reason).toBe('CERTIFICATE_MEMBER_NOT_ELIGIBLE');
      expect(res.errors![0].message).toMatch(/Сертификат выдаётся/);
    });

    it('reissuing revokes the old one as "reissued"; the sequence goes on', async () => {
      const m = await newMember();
      const first = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const second = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      expect(second.number).toBe(`${m.member.membershipNumber}-C2`);
      const [old] = await api.db.query(
        `SELECT status, revoked_reason, revoked_at FROM certificates WHERE id = $1`,
        [first.id],
      );
      expect(old).toMatchObject({ status: 'REVOKED', revoked_reason: 'reissued' });
      expect(old.revoked_at).not.toBeNull();
      expect((await verify(first.number)).data.verifyCertificate).toMatchObject({
        valid: false,
        status: 'REVOKED',
      });
    });

    it('two concurrent issues leave exactly one VALID certificate; the partial unique index refuses a second', async () => {
      const m = await newMember();
      const results = await Promise.all([
        issue(m.member.id, coordinator.token),
        issue(m.member.id, commission.token),
      ]);
      for (const r of results) expect(r.errors).toBeUndefined();
      const rows = await api.db.query(
        `SELECT number, status FROM certificates WHERE member_id = $1 ORDER BY number`,
        [m.member.id],
      );
      expect(rows.map((r: any) => r.status).sort()).toEqual(['REVOKED', 'VALID']);
      await expect(
        api.db.query(
          `INSERT INTO certificates (number, member_id, status, issued_at, expires_at, kid, credential)
           VALUES ($1, $2, 'VALID', now(), now() + interval '1 year', 'k', 'x')`,
          [`${m.member.membershipNumber}-C99`, m.member.id],
        ),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    });
  });

  describe('revoking', () => {
    it('needs a reason (field error in kk, ru, en) and keeps it', async () => {
      const m = await newMember();
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const messages: string[] = [];
      for (const lang of ['kk', 'ru', 'en']) {
        const res = await api.gql(REVOKE, { id: c.id, reason: '   ' }, { token: coordinator.token, lang });
        expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
        const fields = res.errors![0].extensions.fields as Array<{ field: string; message: string }>;
        expect(fields.map((f) => f.field)).toEqual(['reason']);
        messages.push(fields[0].message);
      }
      expect(messages).toEqual(['Міндетті өріс.', 'Обязательное поле.', 'Required.']);

      const denied = await api.gql(REVOKE, { id: c.id, reason: 'x' }, { token: otherCoordinator.token });
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');

      const res = await api.gql(REVOKE, { id: c.id, reason: 'Клубтан шықты' }, { token: coordinator.token });
      expect(res.errors).toBeUndefined();
      expect(res.data.revokeCertificate).toMatchObject({ status: 'REVOKED', revokedReason: 'Клубтан шықты' });
      const again = await api.gql(REVOKE, { id: c.id, reason: 'again' }, { token: coordinator.token });
      expect(again.errors![0].extensions.code).toBe('CONFLICT');
      const missing = await api.gql(
        REVOKE,
        { id: '00000000-0000-4000-8000-000000000000', reason: 'x' },
        { token: commission.token },
      );
      expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
    });

    it('the credential names its status-list bit; revoking and reissuing flip it in the signed list 2', async () => {
      const jwks = createLocalJWKSet((await api.http.get('/.well-known/jwks.json').expect(200)).body);
      const bitOf = async (credential: string) => {
        const { payload } = await jwtVerify(credential, jwks, { algorithms: ['EdDSA'], typ: 'vc+jwt' });
        const entry = payload.credentialStatus as Record<string, string>;
        expect(entry).toMatchObject({
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListCredential: 'http://localhost:3000/credentials/status/2',
        });
        expect(entry.id).toBe(`${entry.statusListCredential}#${entry.statusListIndex}`);
        return Number(entry.statusListIndex);
      };
      // what an offline verifier does: fetch the list once (cacheable), check its signature, read the bit
      const revokedBit = async (index: number) => {
        const res = await api.http.get('/credentials/status/2').buffer(true).parse(asText);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
        const { payload } = await jwtVerify(res.body as string, jwks, { typ: 'vc+jwt' });
        expect(payload).toMatchObject({
          id: 'http://localhost:3000/credentials/status/2',
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
        });
        return statusListBit((payload.credentialSubject as { encodedList: string }).encodedList, index);
      };

      const m = await newMember();
      const first = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const firstBit = await bitOf(first.credential);
      expect(await revokedBit(firstBit)).toBe(false);

      const second = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const secondBit = await bitOf(second.credential);
      expect(secondBit).not.toBe(firstBit);
      expect(await revokedBit(firstBit)).toBe(true); // reissued
      expect(await revokedBit(secondBit)).toBe(false);

      const res = await api.gql(REVOKE, { id: second.id, reason: 'lost card' }, { token: coordinator.token });
      expect(res.errors).toBeUndefined();
      expect(await revokedBit(secondBit)).toBe(true);
      expect((await api.http.get('/credentials/status/3')).status).toBe(404);
    });
  });

  describe('Member.certificate', () => {
    it('the member and staff in scope see the current one; others see null or nothing', async () => {
      const m = await newMember();
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const me = await api.gql(`{ me { certificate { id number status } } }`, {}, { token: m.accessToken });
      expect(me.data.me.certificate).toEqual({ id: c.id, number: c.number, status: 'VALID' });
      const q = `query($id: ID!) { member(id: $id) { certificate { id } } }`;
      const staff = await api.gql(q, { id: m.member.id }, { token: coordinator.token });
      expect(staff.data.member.certificate).toEqual({ id: c.id });
      const other = await api.gql(q, { id: m.member.id }, { token: otherCoordinator.token });
      expect(other.errors![0].extensions.code).toBe('FORBIDDEN');
      const none = await newMember();
      const empty = await api.gql(`{ me { certificate { id } } }`, {}, { token: none.accessToken });
      expect(empty.data.me.certificate).toBeNull();
    });
  });

  describe('verification', () => {
    it('valid: the holder name and the issuer; unknown: nothing but not found', async () => {
      const m = await newMember({ fullName: 'Әлихан Сәрсенбаев' });
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const ok = (await verify(c.number.toLowerCase())).data.verifyCertificate;
      expect(ok).toMatchObject({
        number: c.number,
        valid: true,
        status: 'VALID',
        holderName: 'Әлихан Сәрсенбаев',
        issuer: 'Жамбыл облыстық аумақтық сайлау комиссиясы',
        issuedAt: c.issuedAt,
      });
      const unknown = (await verify('ZHM-2026-999999-C1')).data.verifyCertificate;
      expect(unknown).toEqual({
        number: 'ZHM-2026-999999-C1',
        valid: false,
        status: null,
        holderName: null,
        issuer: null,
        issuedAt: null,
        expiresAt: null,
      });
    });

    it('revoked and expired: no name', async () => {
      const m = await newMember();
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      await api.db.query(`UPDATE certificates SET expires_at = now() - interval '1 day' WHERE id = $1`, [
        c.id,
      ]);
      const expired = (await verify(c.number)).data.verifyCertificate;
      expect(expired).toMatchObject({ valid: false, status: 'EXPIRED', holderName: null });
      await api.gql(REVOKE, { id: c.id, reason: 'test' }, { token: coordinator.token });
      const revoked = (await verify(c.number)).data.verifyCertificate;
      expect(revoked).toMatchObject({ valid: false, status: 'REVOKED', holderName: null });
    });

    it('a member who withdrew consent: the certificate reads as revoked, no name; once erased, only the card’s link finds it', async () => {
      const m = await newMember({ fullName: 'Әлихан Сәрсенбаев' });
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      expect(
        (await api.gql(`mutation { withdrawConsent }`, {}, { token: m.accessToken })).errors,
      ).toBeUndefined();
      // at once (before the worker erased it): revoked, no name
      const res = (await verify(c.number)).data.verifyCertificate;
      expect(res.holderName).toBeNull();
      // erased: not found by number (it carried the membership number), revoked by the QR link
      await followUpWithdrawal(api.app, m.member.id);
      const after = await verify(c.number);
      expect(after.errors).toBeUndefined();
      expect(after.data.verifyCertificate).toMatchObject({
        status: null,
        holderName: null,
      });
      const url = new URL(c.verifyUrl);
      const page = await api.http
        .get(url.pathname + url.search)
        .set('X-Forwarded-For', freshIp())
        .set('Accept-Language', 'en');
      expect(page.text).toContain('data-status="REVOKED"');
      expect(page.text).toContain('data-valid="true"');
      expect(page.text).not.toContain('Сәрсенбаев');
      const [row] = await api.db.query(
        `SELECT status, revoked_reason, credential, number FROM certificates WHERE id = $1`,
        [c.id],
      );
      expect(row).toEqual({
        status: 'REVOKED',
        revoked_reason: 'consent withdrawn',
        credential: null,
        number: expect.stringMatching(/^WITHDRAWN-\d+$/),
      });
    });

    it('a minor shows as initials only', async () => {
      const m = await newMember({
        fullName: 'Айгерім Нұрланқызы',
        birthDate: birthDateYearsAgo(16),
        guardian: { fullName: 'Гүлнар Ахметова', phone: '+7 777 000 11 22', consentGiven: true },
      });
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      expect((await verify(c.number)).data.verifyCertificate.holderName).toBe('А. Н.');
    });

    it('the stored credential is a W3C VC 2.0 signed as a VC-JWT, checkable with the published JWKS alone', async () => {
      const m = await newMember({ fullName: 'Дана Қасымова' });
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const jwks = (await api.http.get('/.well-known/jwks.json').expect(200)).body;
      const { payload, protectedHeader } = await jwtVerify(c.credential, createLocalJWKSet(jwks), {
        algorithms: ['EdDSA'],
        typ: 'vc+jwt',
      });
      expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: c.kid });
      expect(payload).toMatchObject({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: `urn:uuid:${c.id}`,
        type: ['VerifiableCredential', 'MembershipCredential'],
        issuer: { id: 'http://localhost:3000', name: 'Жамбыл облыстық аумақтық сайлау комиссиясы' },
        credentialSubject: {
          id: `urn:uuid:${m.member.id}`,
          name: 'Дана Қасымова',
          membershipNumber: m.member.membershipNumber,
          certificateNumber: c.number,
          club: expect.stringMatching(/^Клуб /),
        },
      });
      expect(new Date(payload.validFrom as string).getTime()).toBe(
        new Date(c.issuedAt).getTime() - (new Date(c.issuedAt).getTime() % 1000),
      );
      expect(new Date(payload.validUntil as string).getTime()).toBe(new Date(c.expiresAt).getTime());
    });

    it('the QR link carries a short token signed with the published key: number, expiry, status bit', async () => {
      const m = await newMember();
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const url = new URL(c.verifyUrl);
      expect(url.pathname).toBe(`/verify/${c.number}`);
      const token = url.searchParams.get('c')!;
      expect(c.verifyUrl.length).toBeLessThan(400); // the whole VC-JWT is about 1,200
      const jwks = createLocalJWKSet((await api.http.get('/.well-known/jwks.json').expect(200)).body);
      const { payload, protectedHeader } = await jwtVerify(token, jwks, {
        algorithms: ['EdDSA'],
        typ: 'yvc-cert+jwt',
      });
      expect(protectedHeader.kid).toBe(c.kid);
      const { payload: vc } = await jwtVerify(c.credential, jwks, { algorithms: ['EdDSA'] });
      expect(payload).toEqual({
        sub: c.number,
        vu: Math.floor(new Date(c.expiresAt).getTime() / 1000),
        st: Number((vc.credentialStatus as { statusListIndex: string }).statusListIndex),
      });
      // the same link each time (Ed25519 is deterministic), and a token for another number fails
      const again = await api.gql(
        `query($id: ID!) { member(id: $id) { certificate { verifyUrl } } }`,
        {
          id: m.member.id,
        },
        { token: coordinator.token },
      );
      expect(again.data.member.certificate.verifyUrl).toBe(c.verifyUrl);
      const other = (await issue((await newMember()).member.id, coordinator.token)).data.issueCertificate;
      const swapped = await api.http
        .get(`/verify/${other.number}?lang=en&c=${token}`)
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(swapped.text).toContain('data-valid="false"');
      const own = await api.http
        .get(`${url.pathname}${url.search}`)
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(own.text).toContain('data-valid="true"');
    });

    it('the HTML page in kk, ru and en, with the signature in the link checked', async () => {
      const m = await newMember({ fullName: 'Ерлан Жұмабеков' });
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const path = new URL(c.verifyUrl).pathname + new URL(c.verifyUrl).search;
      const kk = await api.http.get(path).set('X-Forwarded-For', freshIp()).expect(200);
      expect(kk.headers['content-type']).toMatch(/text\/html/);
      expect(kk.text).toContain('<html lang="kk">');
      expect(kk.text).toContain('Куәлік жарамды');
      expect(kk.text).toContain('Ерлан Жұмабеков');
      expect(kk.text).toContain('data-valid="true"');
      const ru = await api.http
        .get(`/verify/${c.number}?lang=ru`)
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(ru.text).toContain('Сертификат действителен');
      expect(ru.text).not.toContain('data-valid');
      const en = await api.http
        .get(`/verify/${c.number}`)
        .set('Accept-Language', 'en-US,en;q=0.9')
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(en.text).toContain('The certificate is valid');
      // a tampered credential in the link
      const [h, p, s] = c.credential.split('.');
      const forged = Buffer.from(p, 'base64url').toString().replace('Ерлан', 'Марат');
      const bad = await api.http
        .get(`/verify/${c.number}?lang=en&c=${h}.${Buffer.from(forged).toString('base64url')}.${s}`)
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(bad.text).toContain('data-valid="false"');

      await api.gql(REVOKE, { id: c.id, reason: 'test' }, { token: coordinator.token });
      const revoked = await api.http
        .get(`/verify/${c.number}?lang=ru`)
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(revoked.text).toContain('Сертификат отозван');
      expect(revoked.text).not.toContain('Ерлан');
      const unknown = await api.http
        .get(`/verify/NOPE-1?lang=en`)
        .set('X-Forwarded-For', freshIp())
        .expect(200);
      expect(unknown.text).toContain('No certificate with this number');
      expect(unknown.text).not.toContain('Issued by');
    });

    it('is rate-limited per IP (GraphQL and the page share the budget)', async () => {
      const ip = freshIp();
      for (let i = 0; i < 59; i++) {
        const r = await api.gql(VERIFY, { number: 'ZHM-2026-000001-C1' }, { ip });
        expect(r.errors).toBeUndefined();
      }
      await api.http.get('/verify/ZHM-2026-000001-C1').set('X-Forwarded-For', ip).expect(200);
      const limited = await api.gql(VERIFY, { number: 'ZHM-2026-000001-C1' }, { ip });
      expect(limited.errors![0].extensions.code).toBe('RATE_LIMITED');
      expect(limited.errors![0].extensions.retryAfter).toBeGreaterThan(0);
      expect(limited.errors![0].extensions.retryAfter).toBeLessThanOrEqual(60);
      await api.http.get('/verify/ZHM-2026-000001-C1').set('X-Forwarded-For', ip).expect(429);
      // another IP is not affected
      expect((await verify('ZHM-2026-000001-C1')).errors).toBeUndefined();
    });
  });

  describe('PDF', () => {
    it('the member and staff in scope only', async () => {
      const m = await newMember();
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const path = new URL(c.pdfUrl).pathname;
      await api.http.get(path).expect(401);
      await api.http.get(path).set('Authorization', `Bearer ${otherCoordinator.token}`).expect(403);
      const stranger = await newMember();
      await api.http.get(path).set('Authorization', `Bearer ${stranger.accessToken}`).expect(403);
      for (const token of [m.accessToken, coordinator.token, commission.token]) {
        const res = await api.http
          .get(path)
          .set('Authorization', `Bearer ${token}`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(res.headers['content-type']).toBe('application/pdf');
      }
      await api.http
        .get('/certificates/00000000-0000-4000-8000-000000000000.pdf')
        .set('Authorization', `Bearer ${commission.token}`)
        .expect(404);
    });

    it('holds the Kazakh name, the number, the dates and a QR code that opens the verify link', async () => {
      const m = await newMember({ fullName: 'Әсел Ғабитқызы Құрманғалиева' });
      const c = (await issue(m.member.id, coordinator.token)).data.issueCertificate;
      const res = await api.http
        .get(new URL(c.pdfUrl).pathname)
        .set('Authorization', `Bearer ${m.accessToken}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Әсел Ғабитқызы Құрманғалиева');
      expect(text).toContain(c.number);
      expect(text).toContain('МҮШЕЛІК КУӘЛІГІ');
      expect(text).toContain('Жамбыл облыстық аумақтық сайлау комиссиясы');
      const year = Number(c.issuedAt.slice(0, 4));
      expect(text).toContain(`31.12.${year + 1}`);
      const { data, width, height } = await pdfImageRgba(pdf);
      const qr = jsQR(data, width, height);
      expect(qr?.data).toBe(c.verifyUrl);
    });
  });
});
