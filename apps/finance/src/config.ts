import { PlatformConfig } from '@jianfu/platform';

export class FinanceConfig extends PlatformConfig {
  override PORT: number = 3003;
}
