import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_POLICY_EXTENSION, type AccessPolicy } from '../auth/access-policy';

const BEARER_SCHEME = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];

/** The document served at /docs-json: what `redocly lint` (recommended rules) and generated clients read. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cyber capacity-building partnership tracker')
    .setDescription('Event-sourced record of donor-implementer-beneficiary partnerships.')
    .setVersion('0.1.0')
    // Relative: a generated client calls whichever host served it the document.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'npm run token -- --user NAME, or POST /api/auth/demo-sign-in' }, BEARER_SCHEME)
    .build();
  // The package is UNLICENSED; OpenAPI's license needs only a name, which DocumentBuilder cannot set alone.
  const document = SwaggerModule.createDocument(app, { ...config, info: { ...config.info, license: { name: 'Proprietary: all rights reserved' } } });
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      // Security follows the access policy the guard enforces: none for public endpoints, the bearer token
      // otherwise (also for an endpoint that declared no policy, which the guard refuses anyway).
      const declared: unknown = Object.getOwnPropertyDescriptor(operation, ACCESS_POLICY_EXTENSION)?.value;
      const isPublic = typeof declared === 'object' && declared !== null && 'kind' in declared && declared.kind === ('public' satisfies AccessPolicy['kind']);
      operation.security = isPublic ? [] : [{ [BEARER_SCHEME]: [] }];
      // Nest adds its default success answer only when an operation declares no answer at all; the policy's 401
      // and 429 count as declared, so the success answer Nest would have given is added here.
      if (!Object.keys(operation.responses).some((status) => status.startsWith('2'))) {
        operation.responses = { [defaultSuccess(method)]: { description: '' }, ...operation.responses };
      }
    }
  }
  return { ...document, security: [{ [BEARER_SCHEME]: [] }] };
}

const defaultSuccess = (method: Method) => (method === 'post' ? '201' : '200');
