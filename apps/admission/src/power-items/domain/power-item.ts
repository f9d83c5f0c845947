import type { Principal } from '@jianfu/platform';
import type { ProposalSubject } from '../../version-proposals/domain/version-proposal.js';

/** Where an administrative power item (行政权力事项) of a department stands after the reform. */
export const powerItemStatuses = ['kept', 'cancelled', 'devolved-to-street', 'devolved-to-community'] as const;
export type PowerItemStatus = (typeof powerItemStatuses)[number];

export interface PowerItem {
  code: string;
  name: string;
  status: PowerItemStatus;
  /** The decision that cancelled or devolved it (e.g. 鼓政〔2016〕12号); required unless kept. */
  decisionDocument: string | null;
}

/** What makes a proposed register unfit, per item: a code given twice, or a change without its decision document. */
export function powerItemProblems(items: PowerItem[]): { field: string; rule: string; message: string }[] {
  const problems: { field: string; rule: string; message: string }[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.code)) {
      problems.push({ field: `items[${index}].code`, rule: 'unique', message: `code ${item.code} appears twice` });
    }
    seen.add(item.code);
    if (item.status !== 'kept' && !item.decisionDocument) {
      problems.push({
        field: `items[${index}].decisionDocument`,
        rule: 'decision-required',
        message: `a ${item.status} item names the decision document that ${item.status} it`,
      });
    }
  });
  return problems;
}

/** The register a caller proposes to and decides on: a department's, in the caller's own district. */
export function powerItemsSubject(actor: Principal, departmentId: string): ProposalSubject {
  return { districtCode: actor.scope.districtCode, register: 'power-items', departmentId };
}
