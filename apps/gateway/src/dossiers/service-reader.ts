import { Injectable, Logger } from '@nestjs/common';
import { GatewayConfig } from '../config.js';
import { type ForwardedService, ServiceDirectory } from '../forwarding/service-directory.js';
import type { DossierSection } from './domain/dossier-section.js';

/** GETs a service's JSON as the user (their token), so the service's own role and scope checks decide. */
@Injectable()
export class ServiceReader {
  private readonly logger = new Logger(ServiceReader.name);

  constructor(
    private readonly directory: ServiceDirectory,
    private readonly config: GatewayConfig,
  ) {}

  async read<T>(service: ForwardedService, path: string, accessToken: string): Promise<DossierSection<T>> {
    try {
      const response = await fetch(`${this.directory.baseUrl(service)}${path}`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
      });
      if (response.status === 200) return { state: 'shown', data: (await response.json()) as T };
      const body = (await response.json().catch(() => null)) as { code?: string } | null;
      if (response.status < 500) return { state: 'hidden', status: response.status, code: body?.code ?? null };
      this.logger.warn({ service, path, status: response.status }, 'A service failed a dossier read');
    } catch (error) {
      this.logger.warn({ err: error, service, path }, 'A service did not answer a dossier read');
    }
    return { state: 'unavailable', service };
  }
}
