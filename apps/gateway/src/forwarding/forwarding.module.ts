import { Module } from '@nestjs/common';
import { ForwardingController } from './api/forwarding.controller.js';
import { ServiceDirectory } from './service-directory.js';
import { ServiceForwarder } from './service-forwarder.js';

/** Forwarding the console's calls to the services, and the directory of their URLs. */
@Module({
  controllers: [ForwardingController],
  providers: [ServiceDirectory, ServiceForwarder],
  exports: [ServiceDirectory],
})
export class ForwardingModule {}
