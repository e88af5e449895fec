import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { InvalidEnvironmentError } from '../apps/api/src/config/environment';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

describe.each(BACKENDS)('the running app on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t?.close());

  it('GET /health reports the event store and the read-model database up', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.eventStore).toMatchObject({ status: 'up', adapter: backend });
    expect(res.body.details.readModels).toMatchObject({ status: 'up', database: backend });
  });

  it('serves the OpenAPI document at /docs-json and its UI at /docs', async () => {
    const json = await request(t.app.getHttpServer()).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    const ui = await request(t.app.getHttpServer()).get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('configuration', () => {
  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://x'],
    ['EVENTSTORE_CONNECTION_STRING', 'http://nope'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses to start with a bad %s, naming it', async (name, value) => {
    const started = createApp({ [name]: value });
    await expect(started).rejects.toBeInstanceOf(InvalidEnvironmentError);
    await expect(started).rejects.toThrow(new RegExp(`${name}=`));
  });
});
