import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type ActiveSession } from '../../sessions/session-access.js';
import { CurrentSession } from '../../sessions/api/session.guard.js';
import { type ForwardedService, forwardedServices } from '../service-directory.js';
import { ServiceForwarder } from '../service-forwarder.js';

/** `/api/<service>/<path>` → `<service base URL>/<path>`, as the user (their access token). */
@ApiExcludeController()
@Controller('api')
export class ForwardingController {
  constructor(private readonly forwarder: ServiceForwarder) {}

  @All(forwardedServices.flatMap((service) => [service, `${service}/*path`]))
  async forward(
    @CurrentSession() session: ActiveSession,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const [, , service] = request.originalUrl.split(/[/?]/, 3) as [string, string, ForwardedService];
    const rest = request.originalUrl.slice(`/api/${service}`.length);
    const pathAndQuery = rest.startsWith('/') ? rest : `/${rest}`;
    await this.forwarder.forward(service, pathAndQuery, request, response, session.accessToken);
  }
}
