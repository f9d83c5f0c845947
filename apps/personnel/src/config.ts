import { PlatformConfig } from '@jianfu/platform';

export class PersonnelConfig extends PlatformConfig {
  override PORT: number = 3004;
}
