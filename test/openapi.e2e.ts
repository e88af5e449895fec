import request from 'supertest';
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
});
