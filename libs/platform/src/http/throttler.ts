// @nestjs/throttler is CommonJS and requires the ESM @nestjs/common. Imported statically, Jest's ESM loader
// links it while @nestjs/common is still linking and refuses the cycle; importing it once @nestjs/common
// has been evaluated (this module's static import guarantees that) works under Node and Jest alike.
import '@nestjs/common';

const throttler = await import('@nestjs/throttler');

export const { ThrottlerGuard, ThrottlerModule } = throttler;
export type { ThrottlerModuleOptions } from '@nestjs/throttler';
