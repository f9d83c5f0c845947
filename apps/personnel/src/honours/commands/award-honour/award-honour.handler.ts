import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HonourAwarded } from '@jianfu/contracts';
import { chinaDateOf, DomainError, EventPublisher, PolicyBook, TransactionRunner } from '@jianfu/platform';
import { type HonourAwardPolicy, honourAwardTableOf, honourAwardPolicyKind } from '../../domain/honour-award-policy.js';
import { workerTracks } from '../../../careers/domain/worker-tracks.js';
import { CareersRepository } from '../../../careers/persistence/careers.repository.js';
import { OpinionOutcomesRepository } from '../../../careers/persistence/opinion-outcomes.repository.js';
import { WorkersRepository } from '../../../workers/persistence/workers.repository.js';
import { WorkerAccess } from '../../../workers/worker-access.js';
import { honourLevelLabels } from '../../domain/honour-awards.js';
import { HonoursRepository } from '../../persistence/honours.repository.js';
import { AwardHonourCommand } from './award-honour.command.js';
import { HonourErrors } from '../../domain/honours.errors.js';

/**
 * Records an honour on the worker's record and the one-off award finance pays (national / provincial /
 * city, from the district's `honour-awards` policy in force today, whose version the award records). The same honour twice is refused: a unique key makes it one award.
 */
@CommandHandler(AwardHonourCommand)
export class AwardHonourHandler implements ICommandHandler<AwardHonourCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly workers: WorkersRepository,
    private readonly honours: HonoursRepository,
    private readonly events: EventPublisher,
    private readonly policies: PolicyBook,
    private readonly careers: CareersRepository,
    private readonly opinionOutcomes: OpinionOutcomesRepository,
  ) {}

  async execute(command: AwardHonourCommand): Promise<{ awardId: string; amountFen: number; policyVersion: number }> {
    const awardId = randomUUID();
    const { honour } = command;
    return this.transactions.run(async (tx) => {
      const worker = await this.access.forUpdate(tx, command.actor, command.workerId);
      // Seed 002: 机关在职党员…评选先进时，必须在挂钩社区公示，征求社区党组织意见. A worker on a leadership post
      // is an agency member; the closed request comes from organization's events (personnel's own read model).
      const post = await this.careers.step(tx, workerTracks.post, worker.postStep);
      if (post?.leadership && !(await this.opinionOutcomes.latestClosed(tx, worker.id, 'award'))) {
        throw DomainError.of(
          HonourErrors['honour.opinion-request-required'],
          `${worker.name}任${post.name}：评选先进须先在挂钩社区公示并征求社区党组织意见（进社区双公示），尚无已结束的征求意见`,
        );
      }
      const policy = await this.policies.effective<HonourAwardPolicy>(
        tx,
        worker.districtCode,
        honourAwardPolicyKind,
        chinaDateOf(new Date()),
      );
      const amountFen = honourAwardTableOf(policy.document)[honour.level];
      const inserted = await this.honours.insert(tx, {
        id: awardId,
        workerId: worker.id,
        communityId: worker.communityId,
        ...honour,
        amountFen,
        awardedBy: command.actor.userId,
        policyVersion: policy.version,
      });
      if (!inserted) {
        throw DomainError.of(
          HonourErrors['honour.already-awarded'],
          `${worker.name} already received the ${honour.year} ${honourLevelLabels[honour.level]} honour “${honour.title}”; it is paid once`,
        );
      }
      await this.workers.change(
        tx,
        worker,
        { honours: [...worker.honours, { awardId, level: honour.level, title: honour.title, year: honour.year }] },
        'honoured',
        {
          actorId: command.actor.userId,
          reason: `${honourLevelLabels[honour.level]}荣誉: ${honour.title} (${honour.conferredBy})`,
        },
      );
      await this.events.publish(tx, HonourAwarded, {
        aggregateId: worker.id,
        payload: {
          awardId,
          workerId: worker.id,
          communityId: worker.communityId,
          level: honour.level,
          title: honour.title,
          amountFen,
          awardedAt: new Date().toISOString(),
        },
      });
      return { awardId, amountFen, policyVersion: policy.version };
    });
  }
}
