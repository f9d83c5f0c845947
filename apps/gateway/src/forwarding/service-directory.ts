import { Injectable } from '@nestjs/common';
import { GatewayConfig } from '../config.js';

/** The services the console reaches through `/api/<service>/…`. */
export const forwardedServices = ['organization', 'admission', 'finance', 'personnel', 'identity'] as const;
export type ForwardedService = (typeof forwardedServices)[number];

/** The services whose approvals the workbench merges (identity has none). */
export const approvalServices = ['admission', 'finance', 'personnel', 'organization'] as const;
export type ApprovalService = (typeof approvalServices)[number];

/** Each service's base URL, from the gateway's configuration. */
@Injectable()
export class ServiceDirectory {
  private readonly urls: Record<ForwardedService, string>;

  constructor(config: GatewayConfig) {
    this.urls = {
      organization: config.ORGANIZATION_URL,
      admission: config.ADMISSION_URL,
      finance: config.FINANCE_URL,
      personnel: config.PERSONNEL_URL,
      identity: config.IDENTITY_URL,
    };
  }

  baseUrl(service: ForwardedService): string {
    return this.urls[service];
  }
}
