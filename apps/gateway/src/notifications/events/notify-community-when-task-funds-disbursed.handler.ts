import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { TaskFundsDisbursed } from '@jianfu/contracts';
import { EventConsumer, Roles } from '@jianfu/platform';
import { yuan } from '../domain/notification.js';
import { Notifier } from '../notifier.js';
import { EventFactsRepository } from '../persistence/event-facts.repository.js';

/** 费随事转: each community's secretaries learn that the task's earmarked money reached their account. */
@Injectable()
export class NotifyCommunityWhenTaskFundsDisbursed implements OnModuleInit {
  private readonly logger = new Logger(NotifyCommunityWhenTaskFundsDisbursed.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly facts: EventFactsRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskFundsDisbursed, async (event, tx) => {
      const { payload } = event;
      // The event names no district; the task's admission did. Without it the audience cannot be scoped.
      const task = await this.facts.task(tx, payload.taskId);
      if (!task) {
        this.logger.warn({ taskId: payload.taskId }, 'Funds disbursed for a task the gateway never saw admitted');
        return;
      }
      for (const disbursement of payload.disbursements) {
        await this.notifier.notify(tx, {
          sourceEventId: event.id,
          audience: {
            districtCode: task.districtCode,
            role: Roles.CommunitySecretary,
            scopeLevel: 'community',
            scopeUnits: [disbursement.communityId],
          },
          kind: 'funds-arrived',
          title: `任务经费已到账：${task.title}`,
          body: `本社区收到专款 ${yuan(disbursement.amountFen)} 元${payload.period ? `（${payload.period} 期）` : ''}。`,
          link: `/community/tasks/${payload.taskId}`,
          createdAt: new Date(event.occurredAt),
        });
      }
    });
  }
}
