import { type DynamicModule, Module } from '@nestjs/common';
import { CommunityDirectoryModule, communityDirectoryTables } from '@jianfu/community-directory';
import { CreatePolicyTables1763700000690, serviceProcessModule, type ServicePlatform } from '@jianfu/platform';
import { financePolicyKinds } from './policies/finance-policies.js';
import { AddBaseRunPolicyVersion1763700000691 } from './migrations/1763700000691-AddBaseRunPolicyVersion.js';
import { AnnounceTransferChanges1763700000700 } from './migrations/1763700000700-AnnounceTransferChanges.js';
import { AnnounceTransferChangesByKeyColumn1763700000710 } from './migrations/1763700000710-AnnounceTransferChangesByKeyColumn.js';
import { AddBaseRunPageCursor1763700000720 } from './migrations/1763700000720-AddBaseRunPageCursor.js';
import {
  ApprovalInboxModule,
  ApprovalPersistenceModule,
  approvalTables,
  WorkingDayCalendarModule,
} from '@jianfu/approvals';
import { BaseAllocationModule } from './base-allocation/base-allocation.module.js';
import { BaseAllocationPersistenceModule } from './base-allocation/persistence/base-allocation-persistence.module.js';
import { BudgetsModule } from './budgets/budgets.module.js';
import { CommunityFundsModule } from './community-funds/community-funds.module.js';
import type { FinanceConfig } from './config.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { LedgerPersistenceModule } from './ledger/persistence/ledger-persistence.module.js';
import { CreateLedger1763700000300 } from './migrations/1763700000300-CreateLedger.js';
import { CreateBudgetsAndTaskFundTransfers1763700000310 } from './migrations/1763700000310-CreateBudgetsAndTaskFundTransfers.js';
import { CreateBaseAllocations1763700000320 } from './migrations/1763700000320-CreateBaseAllocations.js';
import { CreateCoBuildingReceipts1763700000330 } from './migrations/1763700000330-CreateCoBuildingReceipts.js';
import { CreatePayoutBatches1763700000340 } from './migrations/1763700000340-CreatePayoutBatches.js';
import { CreateDepartmentDirectory1763700000350 } from './migrations/1763700000350-CreateDepartmentDirectory.js';
import { FundRecurringTasksPerPeriod1763700000390 } from './migrations/1763700000390-FundRecurringTasksPerPeriod.js';
import { CreateIdempotentRequestsAndBaseTopUps1763700000420 } from './migrations/1763700000420-CreateIdempotentRequestsAndBaseTopUps.js';
import { PayoutsModule } from './payouts/payouts.module.js';
import { PayoutsPersistenceModule } from './payouts/persistence/payouts-persistence.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { TaskFundsPersistenceModule } from './task-funds/persistence/task-funds-persistence.module.js';
import { TaskFundsModule } from './task-funds/task-funds.module.js';

const entities = [...communityDirectoryTables.entities, ...approvalTables.entities];
const migrations = [
  ...communityDirectoryTables.migrations,
  ...approvalTables.migrations,
  CreateLedger1763700000300,
  CreateBudgetsAndTaskFundTransfers1763700000310,
  CreateBaseAllocations1763700000320,
  CreateCoBuildingReceipts1763700000330,
  CreatePayoutBatches1763700000340,
  CreateDepartmentDirectory1763700000350,
  FundRecurringTasksPerPeriod1763700000390,
  CreateIdempotentRequestsAndBaseTopUps1763700000420,
  CreatePolicyTables1763700000690,
  AddBaseRunPolicyVersion1763700000691,
  AnnounceTransferChanges1763700000700,
  AnnounceTransferChangesByKeyColumn1763700000710,
  AddBaseRunPageCursor1763700000720,
];

/** What both processes stand on. */
const financePlatform: ServicePlatform<FinanceConfig> = {
  name: 'finance',
  entities,
  migrations,
  policyKinds: financePolicyKinds,
};

/** The finance service: 费随事转: the double-entry ledger, task fund transfers, base allocations and payouts. */
@Module({})
export class FinanceModule {
  static forApi(config: FinanceConfig): DynamicModule {
    return serviceProcessModule(FinanceModule, 'api', config, financePlatform, [
      CommunityDirectoryModule,
      DepartmentsModule,
      LedgerModule,
      BudgetsModule,
      TaskFundsModule,
      BaseAllocationModule,
      CommunityFundsModule,
      ReportsModule,
      PayoutsModule,
      ApprovalInboxModule,
      WorkingDayCalendarModule,
    ]);
  }

  static forWorker(config: FinanceConfig): DynamicModule {
    return serviceProcessModule(FinanceModule, 'worker', config, financePlatform, [
      CommunityDirectoryModule,
      LedgerPersistenceModule,
      TaskFundsPersistenceModule,
      BaseAllocationPersistenceModule,
      PayoutsPersistenceModule,
      ApprovalPersistenceModule,
    ]);
  }
}
