import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the gateway answers itself; everything else is the console's. */
const gatewayPrefixes = ['/api', '/auth', '/health', '/docs', '/metrics'];

function isGatewayPath(path: string): boolean {
  return gatewayPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the console's build (`vite build` output): its hashed assets cached for a year, `index.html` never cached
 * (so a new build reaches browsers at once), and `index.html` for any other GET that asks for a page, so the
 * console's client-side routes open directly. Without a build the console's paths answer 404.
 */
export function consoleFiles(directory: string | undefined) {
  const root = directory ? resolve(directory) : undefined;
  const index = root ? join(root, 'index.html') : undefined;
  const available = Boolean(index && existsSync(index));
  const files = root
    ? express.static(root, {
        index: false,
        fallthrough: true,
        setHeaders: (response, path) => {
          if (path.includes(`${join(root, 'assets')}`)) {
            response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          } else {
            response.setHeader('Cache-Control', 'no-cache');
          }
        },
      })
    : undefined;
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isGatewayPath(request.path)) return next();
    if (!files || !available || !index) return next();
    files(request, response, () => {
      // A missing asset is a 404, not the page: a stale page asking for an old chunk must fail visibly.
      if (request.path.startsWith('/assets/') || !request.accepts('html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  };
}
