import type { HonourLevel } from '@jianfu/contracts';

export const honourLevels: readonly HonourLevel[] = ['national', 'provincial', 'city'];

export const honourLevelLabels: Record<HonourLevel, string> = { national: '国家级', provincial: '省级', city: '市级' };

export type HonourAwardTable = Record<HonourLevel, number>;
