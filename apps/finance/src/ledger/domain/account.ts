/**
 * The ledger's accounts. Balances are signed sums of postings: a positive balance is money held. Money
 * enters the ledger from source accounts (the district treasury, resident units), which therefore run
 * negative; every other account holds real money and may never go below zero.
 */
export type AccountKind =
  /** 区财政: pays department budgets, base and party-building funds, bonuses and awards. */
  | 'district-treasury'
  /** A department's approved budget for one year, not yet committed. */
  | 'department-available'
  /** Budget held back for task fund transfers awaiting approval or disbursement. */
  | 'department-reserved'
  /** 社区基本运转经费. */
  | 'community-base'
  /** 党建专项经费. */
  | 'community-party-building'
  /** 专款: one task's earmarked funds in one community; spent only against that task. */
  | 'community-task'
  /** 共建/捐赠: support from co-building units and donations. */
  | 'community-co-building'
  /** What a community spent, per fund (and per task for task money). */
  | 'community-spending'
  /** A resident unit (驻区单位) giving co-building support or donations. */
  | 'resident-unit'
  /** Bonuses and awards paid to a community worker. */
  | 'worker-payout';

export const accountKinds: readonly AccountKind[] = [
  'district-treasury',
  'department-available',
  'department-reserved',
  'community-base',
  'community-party-building',
  'community-task',
  'community-co-building',
  'community-spending',
  'resident-unit',
  'worker-payout',
];

const sourceKinds: ReadonlySet<AccountKind> = new Set(['district-treasury', 'resident-unit']);

/** Only sources, whose negative balance is the money they put in, may go below zero. */
export function mayGoNegative(kind: AccountKind): boolean {
  return sourceKinds.has(kind);
}

/** The community funds a community holds and may spend from. */
export type CommunityFund = 'base-operating' | 'party-building' | 'task' | 'co-building';

export const communityFunds: readonly CommunityFund[] = ['base-operating', 'party-building', 'task', 'co-building'];

export interface Account {
  /** Deterministic from the account's identity, so a transfer names its accounts without looking them up. */
  id: string;
  kind: AccountKind;
  /** The department, community, unit, worker or district the account belongs to. */
  ownerId: string;
  year?: number;
  /** For task money: the task it is earmarked for. */
  taskId?: string;
}

export const Accounts = {
  districtTreasury(districtCode: string): Account {
    return { id: `treasury:${districtCode}`, kind: 'district-treasury', ownerId: districtCode };
  },
  departmentAvailable(departmentId: string, year: number): Account {
    return {
      id: `department:${departmentId}:${year}:available`,
      kind: 'department-available',
      ownerId: departmentId,
      year,
    };
  },
  departmentReserved(departmentId: string, year: number): Account {
    return {
      id: `department:${departmentId}:${year}:reserved`,
      kind: 'department-reserved',
      ownerId: departmentId,
      year,
    };
  },
  communityBase(communityId: string): Account {
    return { id: `community:${communityId}:base-operating`, kind: 'community-base', ownerId: communityId };
  },
  communityPartyBuilding(communityId: string): Account {
    return { id: `community:${communityId}:party-building`, kind: 'community-party-building', ownerId: communityId };
  },
  communityCoBuilding(communityId: string): Account {
    return { id: `community:${communityId}:co-building`, kind: 'community-co-building', ownerId: communityId };
  },
  communityTask(communityId: string, taskId: string): Account {
    return { id: `community:${communityId}:task:${taskId}`, kind: 'community-task', ownerId: communityId, taskId };
  },
  /** Spending is booked per fund, and per task for task money, so reports can tell what money paid for what. */
  communitySpending(communityId: string, fund: CommunityFund, taskId?: string): Account {
    const suffix = fund === 'task' ? `task:${taskId}` : fund;
    return {
      id: `community:${communityId}:spent:${suffix}`,
      kind: 'community-spending',
      ownerId: communityId,
      ...(fund === 'task' && taskId ? { taskId } : {}),
    };
  },
  communityFund(communityId: string, fund: Exclude<CommunityFund, 'task'>): Account {
    if (fund === 'base-operating') return Accounts.communityBase(communityId);
    if (fund === 'party-building') return Accounts.communityPartyBuilding(communityId);
    return Accounts.communityCoBuilding(communityId);
  },
  residentUnit(unitId: string): Account {
    return { id: `unit:${unitId}`, kind: 'resident-unit', ownerId: unitId };
  },
  workerPayout(workerId: string): Account {
    return { id: `worker:${workerId}:payout`, kind: 'worker-payout', ownerId: workerId };
  },
};
