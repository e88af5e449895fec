import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'nestjs-pino';
import expressStaticGzip from 'express-static-gzip';

/**
 * The dashboard is static files from the Vite build, mounted in front of Nest's routes: it is neither
 * an API route (no guard, no OpenAPI entry) nor behind `/api`. Its pages are hash-routed, so `/` is the
 * only document it needs; a deep link never reaches the server.
 */
export function serveDashboard(app: NestExpressApplication, directory: string, logger: Logger): void {
  const root = resolve(process.cwd(), directory);
  if (!existsSync(resolve(root, 'index.html'))) {
    logger.warn(`No dashboard build in ${root}: run npm run build:dashboard to serve it at /`);
    return;
  }
  app.use(
    expressStaticGzip(root, {
      // The build wrote .br and .gz copies; the browser's Accept-Encoding picks one, brotli first.
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: 'index.html',
      serveStatic: {
        // Hashed file names never change content; the document itself must be revalidated to pick up a new build.
        setHeaders: (res, path) => res.setHeader('Cache-Control', /index\.html(\.(br|gz))?$/.test(path) ? 'no-cache' : 'public, max-age=31536000, immutable'),
      },
    }),
  );
}
