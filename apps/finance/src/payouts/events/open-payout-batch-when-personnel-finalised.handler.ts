import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { AnnualGradesFinalised, HonourAwarded, MonthlyGradesFinalised } from '@jianfu/contracts';
import {
  currentWorkflowRevision,
  type PayoutBatchInput,
  payoutBatchWorkflowId,
  payoutBatchWorkflowType,
} from '@jianfu/contracts/workflows';
import { chinaDateOf, EventConsumer, PolicyBook, type Transaction, WorkflowStarts } from '@jianfu/platform';
import { FinancePolicyKinds, type FundingPolicy } from '../../policies/finance-policies.js';
import { annualBonusBatch, honourAwardBatch, monthlyBonusBatch, type PayoutBatchPlan } from '../domain/payout-batch.js';
import { PayoutBatchesRepository } from '../persistence/payout-batches.repository.js';

/**
 * Opens a payout batch for each finalised month, year or award and starts its approval. The batch id
 * comes from the cycle and community (a street-wide cycle finalises once per community) or from the
 * award, so every community of a cycle gets its batch and a redelivered event opens and starts nothing. The
 * approval's start is requested in the consumer's transaction and made once it commits (`WorkflowStarts`), so
 * it never runs for a batch that is not stored.
 */
@Injectable()
export class OpenPayoutBatchWhenPersonnelFinalised implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly batches: PayoutBatchesRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly workflows: WorkflowStarts,
    private readonly policies: PolicyBook,
  ) {}

  onModuleInit(): void {
    this.consumer.on(MonthlyGradesFinalised, (event, tx) => this.open(tx, monthlyBonusBatch(event.payload), event.id));
    this.consumer.on(AnnualGradesFinalised, (event, tx) => this.open(tx, annualBonusBatch(event.payload), event.id));
    this.consumer.on(HonourAwarded, (event, tx) => this.open(tx, honourAwardBatch(event.payload), event.id));
  }

  private async open(tx: Transaction, plan: PayoutBatchPlan, sourceEventId: string): Promise<void> {
    // Grades earned before a merge (撤并) are still paid, so a merged community still counts as known.
    const [community] = await this.directory.findByIds(tx, [plan.communityId], { includeMerged: true });
    // An unknown community or a batch with nothing to pay is kept for the record, with no approval to run.
    const state = !community ? 'unknown-community' : plan.lines.length === 0 ? 'nothing-to-pay' : 'awaiting-approval';
    // A batch stored under the cycle-only id before batches were named per community is this very batch.
    const legacy = plan.legacyId ? await this.batches.find(tx, plan.legacyId) : null;
    const batchId = legacy && legacy.communityId === plan.communityId ? legacy.id : plan.id;
    if (batchId === plan.id) {
      await this.batches.open(tx, { ...plan, districtCode: community?.districtCode ?? null, state, sourceEventId });
    }
    const batch = await this.batches.find(tx, batchId);
    if (!batch || batch.state !== 'awaiting-approval' || !batch.districtCode) return;
    // The deadline of the district's funding policy in force on the day the batch opened (a redelivery reads
    // the same version); the workflow receives it and its version as input.
    const policy = await this.policies.effective<FundingPolicy>(
      tx,
      batch.districtCode,
      FinancePolicyKinds.funding,
      chinaDateOf(batch.createdAt),
    );
    const input: PayoutBatchInput = {
      workflowRevision: currentWorkflowRevision,
      batchId: batch.id,
      title: batch.title,
      districtCode: batch.districtCode,
      communityId: batch.communityId,
      totalFen: batch.totalFen,
      decisionWorkingDays: policy.document.payoutDecisionWorkingDays,
      policyVersion: policy.version,
    };
    await this.workflows.requestStartAfterCommit(tx, {
      workflowType: payoutBatchWorkflowType,
      workflowId: payoutBatchWorkflowId(batch.id),
      args: [input],
    });
  }
}
