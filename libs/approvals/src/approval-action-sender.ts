import { Injectable, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { WorkflowStarts } from '@jianfu/platform';
import { sendApprovalAction } from './send-approval-action.js';
import type { ApprovalAction } from './workflow/approval-actions.js';
import type { ApprovalActionResult } from './workflow/approval-messages.js';

/**
 * What a service's command handlers send a person's action to an approval workflow with. It always goes through
 * the service's requested starts: the state a person acts on commits with the request to start its workflow, and
 * the start follows the commit, so an action that arrives in between starts the workflow and is then taken
 * (`WorkflowStarts.callStarting`), instead of being answered as if the approval had finished.
 */
@Injectable()
export class ApprovalActionSender {
  constructor(
    private readonly temporal: Client,
    private readonly starts: WorkflowStarts,
  ) {}

  /** `idempotencyKey` becomes the Update id: the same key sent again has one effect. */
  send(workflowId: string, action: ApprovalAction, idempotencyKey?: string): Promise<ApprovalActionResult> {
    return sendApprovalAction(this.temporal, workflowId, action, {
      ...(idempotencyKey ? { idempotencyKey } : {}),
      starts: this.starts,
    });
  }
}

/** Import where command handlers act on approvals; the Temporal client and `WorkflowStarts` come from the platform. */
@Module({ providers: [ApprovalActionSender], exports: [ApprovalActionSender] })
export class ApprovalActionsModule {}
