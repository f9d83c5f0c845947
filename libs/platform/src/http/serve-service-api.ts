import type { INestApplication } from '@nestjs/common';
import { createServiceApp, listenForRequests, type ServiceAppOptions } from './create-service-app.js';

/** A service's API process: its HTTP application, answering on PORT (shared by replicas with HTTP_REUSE_PORT). */
export async function serveServiceApi(
  module: Parameters<typeof createServiceApp>[0],
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await createServiceApp(module, options);
  await listenForRequests(app, options.config);
  return app;
}
