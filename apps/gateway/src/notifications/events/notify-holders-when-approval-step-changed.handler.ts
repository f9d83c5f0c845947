import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AdmissionApprovalEvents,
  type ApprovalStepEventDefinitions,
  type ApprovalStepEventKind,
  FinanceApprovalEvents,
  OrganizationApprovalEvents,
  PersonnelApprovalEvents,
} from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { approvalStepNotices } from '../domain/approval-step-notices.js';
import { Notifier } from '../notifier.js';

const hostingServices: ApprovalStepEventDefinitions[] = [
  OrganizationApprovalEvents,
  AdmissionApprovalEvents,
  FinanceApprovalEvents,
  PersonnelApprovalEvents,
];

/**
 * The approval kit's step events of all four services become notifications: to-dos, reminders (催办) and
 * escalations for whoever holds the slots, decisions and lapses for the submitter.
 */
@Injectable()
export class NotifyHoldersWhenApprovalStepChanged implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    for (const definitions of hostingServices) {
      for (const [kind, definition] of Object.entries(definitions) as [
        ApprovalStepEventKind,
        ApprovalStepEventDefinitions[ApprovalStepEventKind],
      ][]) {
        this.consumer.on(definition, async (event, tx) => {
          for (const notice of approvalStepNotices(kind, event.payload)) {
            await this.notifier.notify(tx, {
              sourceEventId: event.id,
              ...notice,
              createdAt: new Date(event.occurredAt),
            });
          }
        });
      }
    }
  }
}
