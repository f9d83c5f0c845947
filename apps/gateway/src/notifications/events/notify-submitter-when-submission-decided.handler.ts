import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EventEnvelope, SubmissionRejected, SubmissionReturned, TaskAdmitted } from '@jianfu/contracts';
import { EventConsumer, Roles, type Transaction } from '@jianfu/platform';
import type { Audience } from '../domain/notification.js';
import { Notifier } from '../notifier.js';
import { EventFactsRepository } from '../persistence/event-facts.repository.js';

/**
 * A decision on a submission (准入, 不予准入, 退回修改) goes to the person who submitted it; if the gateway never
 * saw the submission (it started later), to the submitting department's clerks.
 */
@Injectable()
export class NotifySubmitterWhenSubmissionDecided implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly facts: EventFactsRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.consumer.on(SubmissionReturned, async (event, tx) => {
      const { payload } = event;
      await this.notify(tx, event, payload, {
        title: `申报被退回修改：${payload.title}`,
        body: payload.reason ? `退回原因：${payload.reason}` : '请修改后重新提交。',
      });
    });
    this.consumer.on(SubmissionRejected, async (event, tx) => {
      const { payload } = event;
      await this.notify(tx, event, payload, {
        title: `申报不予准入：${payload.title}`,
        body: payload.reason ? `原因：${payload.reason}` : '该事项未获准入。',
      });
    });
    this.consumer.on(TaskAdmitted, async (event, tx) => {
      const { payload } = event;
      await this.facts.rememberTask(tx, payload);
      await this.notify(tx, event, payload, {
        title: `申报已准入：${payload.title}`,
        body:
          payload.fundingMode === 'none'
            ? '事项已准入并下达社区。'
            : '事项已准入，财政拨付经费到账后下达社区（费随事转）。',
      });
    });
  }

  private async notify(
    tx: Transaction,
    event: EventEnvelope<unknown>,
    subject: { submissionId: string; departmentId: string; districtCode: string },
    text: { title: string; body: string },
  ): Promise<void> {
    const submitter = await this.facts.submitter(tx, subject.submissionId);
    const audience: Audience = submitter
      ? { districtCode: subject.districtCode, userId: submitter.submitterId }
      : {
          districtCode: subject.districtCode,
          role: Roles.DepartmentSubmitter,
          scopeLevel: 'department',
          scopeUnits: [subject.departmentId],
        };
    await this.notifier.notify(tx, {
      sourceEventId: event.id,
      audience,
      kind: 'decision',
      ...text,
      link: `/submissions/${subject.submissionId}`,
      createdAt: new Date(event.occurredAt),
    });
  }
}
