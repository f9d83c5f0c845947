import { type DynamicModule, Module } from '@nestjs/common';
import {
  AddCommunityDirectoryStatus1763700000051,
  CommunityDirectoryModule,
  CreateCommunityDirectory1763700000050,
  DirectoryCommunityEntity,
} from '@jianfu/community-directory';
import { PlatformModule } from '@jianfu/platform';
import {
  ApprovalInboxModule,
  CreateWorkingDayCalendar1763700000680,
  AddApprovalInboxViews1763700000800,
  WorkingDayCalendarModule,
  approvalEntities,
  ApprovalPersistenceModule,
  CreateApprovalTables1763700000060,
  AddApprovalSlotScope1763700000061,
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

const entities = [DirectoryCommunityEntity, ...approvalEntities];
const migrations = [
  CreateCommunityDirectory1763700000050,
  AddCommunityDirectoryStatus1763700000051,
  CreateApprovalTables1763700000060,
  AddApprovalSlotScope1763700000061,
  CreateLedger1763700000300,
  CreateBudgetsAndTaskFundTransfers1763700000310,
  CreateBaseAllocations1763700000320,
  CreateCoBuildingReceipts1763700000330,
  CreatePayoutBatches1763700000340,
  CreateDepartmentDirectory1763700000350,
  FundRecurringTasksPerPeriod1763700000390,
  CreateIdempotentRequestsAndBaseTopUps1763700000420,
  CreateWorkingDayCalendar1763700000680,
  AddApprovalInboxViews1763700000800,
];

/** The finance service: 费随事转: the double-entry ledger, task fund transfers, base allocations and payouts. */
@Module({})
export class FinanceModule {
  static forApi(config: FinanceConfig): DynamicModule {
    return {
      module: FinanceModule,
      imports: [
        PlatformModule.forService({ name: 'finance', config, process: 'api', entities, migrations }),
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
      ],
    };
  }

  static forWorker(config: FinanceConfig): DynamicModule {
    return {
      module: FinanceModule,
      imports: [
        PlatformModule.forService({ name: 'finance', config, process: 'worker', entities, migrations }),
        CommunityDirectoryModule,
        LedgerPersistenceModule,
        TaskFundsPersistenceModule,
        BaseAllocationPersistenceModule,
        PayoutsPersistenceModule,
        ApprovalPersistenceModule,
      ],
    };
  }
}
