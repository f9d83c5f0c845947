import { approvalActionKinds } from '@jianfu/approvals/workflow';

export type UpgradeActionKind = Exclude<(typeof approvalActionKinds)[number], 'return'>;

/** The approval kit's actions an upgrade request takes (no `return`: there is nothing to amend). */
export const upgradeActionKinds: readonly UpgradeActionKind[] = approvalActionKinds.filter(
  (kind): kind is UpgradeActionKind => kind !== 'return',
);
