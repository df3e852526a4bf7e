import { Role } from '@yvc/identity';
import { TestApi } from './helpers/test-api';

const PATH = '/admin/queues';

describe('queue dashboard (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('refuses a caller without a token, with a bad token, and one who is not an ADMIN', async () => {
    const none = await api.http.get(PATH);
    expect(none.status).toBe(401);
    expect(none.text).toContain('Log in as an ADMIN');
    expect((await api.http.get(PATH).set('Authorization', 'Bearer not.a.token')).status).toBe(401);
    expect((await api.http.get(`${PATH}/api/queues`).query({ token: 'forged' })).status).toBe(401);
    const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz');
    const refused = await api.http.get(PATH).set('Authorization', `Bearer ${coordinator.token}`);
    expect(refused.status).toBe(403);
    expect(refused.text).toBe('ADMIN only.');
  });

  it("shows the board to an ADMIN, and keeps a ?token= in an HttpOnly cookie for the page's own calls", async () => {
    const token = await api.adminToken();
    const page = await api.http.get(PATH).query({ token });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const cookie = (page.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) =>
      c.startsWith('yvc_admin_token='),
    );
    expect(cookie).toBeDefined();
    expect(cookie!.toLowerCase()).toEqual(expect.stringContaining('httponly'));
    expect(cookie!.toLowerCase()).toEqual(expect.stringContaining('samesite=strict'));
    expect(cookie).toContain(`Path=${PATH}`);
    // the page's API calls carry only the cookie
    const queues = await api.http.get(`${PATH}/api/queues`).set('Cookie', cookie!.split(';')[0]);
    expect(queues.status).toBe(200);
    expect(Array.isArray(queues.body.queues)).toBe(true);
    expect(queues.body.queues.length).toBeGreaterThan(0);
  });
});
