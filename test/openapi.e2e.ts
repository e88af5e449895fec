import { spawnSync } from 'node:child_process';
import request from 'supertest';
import type { OpenAPIObject } from '@nestjs/swagger';
import { lintOpenApi } from '../scripts/openapi-lint';
import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  summary?: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
}
interface SchemaObject {
  properties?: Record<string, { example?: unknown; $ref?: string; allOf?: { $ref: string }[]; items?: { $ref?: string } }>;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded');
  });
  afterAll(() => t?.close());

  it('documents every command with a summary, its headers, its error answers and an example for every body field', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, SchemaObject> };
    };
    // Sign-in is not a command on the record: it appends nothing. An IATI import runs one command per activity,
    // idempotent by content (no If-Match or Idempotency-Key), and answers with its report.
    const commands = Object.entries(doc.paths)
      .filter(([path]) => !path.startsWith('/api/auth/') && path !== '/api/iati/imports')
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([method]) => ['post', 'put', 'patch'].includes(method))
          .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
      );
    expect(commands.length).toBeGreaterThanOrEqual(30);
    const schemaName = (ref: string) => ref.split('/').pop()!;
    const fieldsWithoutExample = (name: string, seen = new Set<string>()): string[] => {
      if (seen.has(name)) return [];
      seen.add(name);
      return Object.entries(doc.components.schemas[name]?.properties ?? {}).flatMap(([field, p]) => {
        const nested = p.$ref ?? p.allOf?.[0]?.$ref ?? p.items?.$ref;
        if (nested) return fieldsWithoutExample(schemaName(nested), seen).map((f) => `${field}.${f}`);
        return p.example === undefined ? [field] : [];
      });
    };
    // Every reference resolves: a generated client needs each nested type by name.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(30);
    expect(refs.filter((name) => !doc.components.schemas[name])).toEqual([]);
    for (const { route, op } of commands) {
      expect({ route, summary: op.summary }).toEqual({ route, summary: expect.any(String) });
      const headers = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      expect({ route, headers }).toEqual({ route, headers: expect.arrayContaining(['If-Match', 'Idempotency-Key']) });
      expect({ route, responses: Object.keys(op.responses).sort() }).toEqual({ route, responses: expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']) });
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      expect({ route, body: Boolean(ref) }).toEqual({ route, body: true });
      expect({ route, missingExamples: fieldsWithoutExample(schemaName(ref!)) }).toEqual({ route, missingExamples: [] });
    }
  });

  it("lints clean with Redocly's recommended rules, and the lint does find a problem when there is one", async () => {
    const doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenAPIObject;
    expect(lintOpenApi(doc)).toEqual([]);
    // Public endpoints say so (security: []); the rest need the bearer token.
    expect(doc.paths['/api/registry'].get?.security).toEqual([]);
    expect(doc.paths['/api/partnerships'].get?.security).toEqual([{ bearer: [] }]);
    const broken = structuredClone(doc);
    delete broken.security;
    delete broken.paths['/api/registry'].get?.security;
    expect(lintOpenApi(broken).map((p) => `${p.ruleId} ${p.pointer}`)).toEqual(['security-defined #/paths/~1api~1registry/get']);
  }, 120_000);

  it("the dashboard's generated types are those of the document served (npm run openapi:types writes them)", async () => {
    // A child process: the generator is an ES module graph Jest's CommonJS runtime cannot load.
    const run = spawnSync(process.execPath, ['-r', './test/support/ts-hook.js', 'scripts/openapi-types.ts', '--check'], {
      cwd: `${__dirname}/..`,
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect([run.status, run.stderr.slice(-500)]).toEqual([0, '']);
  }, 120_000);
});
