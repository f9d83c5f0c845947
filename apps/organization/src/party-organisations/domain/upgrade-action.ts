/** The approval kit's actions an upgrade request takes (no `return`: there is nothing to amend). */
export const upgradeActionKinds = [
  'approve',
  'reject',
  'withdraw',
  'transfer',
  'add-reviewer',
  'copy',
  'remind',
] as const;
export type UpgradeActionKind = (typeof upgradeActionKinds)[number];
