/**
 * 三块牌匾 (seed 002: 各社区均统一悬挂社区党组织、社区居民委员会和社区工作服务站三块牌匾): every community's
 * inventory is these three and nothing more, so any other plaque a department asks to hang is refused.
 */
export const standardPlaques = ['社区党组织', '社区居民委员会', '社区工作服务站'] as const;

export const plaqueLimit = standardPlaques.length;

/** Whether a wording asked for is one of the three plaques every community already hangs. */
export function isStandardPlaque(wording: string): boolean {
  const normalised = wording.replace(/\s+/g, '');
  return (standardPlaques as readonly string[]).includes(normalised);
}
