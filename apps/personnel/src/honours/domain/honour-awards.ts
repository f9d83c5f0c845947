import type { HonourLevel } from '@jianfu/contracts';

export const honourLevels: readonly HonourLevel[] = ['national', 'provincial', 'city'];

export const honourLevelLabels: Record<HonourLevel, string> = { national: '国家级', provincial: '省级', city: '市级' };

export type HonourAwardTable = Record<HonourLevel, number>;

export function honourAwardTableFrom(config: {
  HONOUR_AWARD_NATIONAL_FEN: number;
  HONOUR_AWARD_PROVINCIAL_FEN: number;
  HONOUR_AWARD_CITY_FEN: number;
}): HonourAwardTable {
  return {
    national: config.HONOUR_AWARD_NATIONAL_FEN,
    provincial: config.HONOUR_AWARD_PROVINCIAL_FEN,
    city: config.HONOUR_AWARD_CITY_FEN,
  };
}
