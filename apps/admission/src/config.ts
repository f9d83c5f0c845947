import { PlatformConfig } from '@jianfu/platform';

export class AdmissionConfig extends PlatformConfig {
  override PORT: number = 3002;
}
