import { randomUUID } from 'node:crypto';
import { WorkerHired } from '@jianfu/contracts';
import type { RecruitmentInput, RecruitmentStage } from '@jianfu/contracts/workflows';
import type { EventPublisher, TransactionRunner } from '@jianfu/platform';
import { workerTracks } from '../../careers/domain/worker-tracks.js';
import type { CareersRepository } from '../../careers/persistence/careers.repository.js';
import type { WorkersRepository } from '../../workers/persistence/workers.repository.js';
import { rankCandidates, scoreDropReason, toTenths } from '../domain/candidate-ranking.js';
import type { RecruitmentRepository } from '../persistence/recruitment.repository.js';

export interface RecruitmentActivityDeps {
  transactions: TransactionRunner;
  recruitment: RecruitmentRepository;
  workers: WorkersRepository;
  careers: CareersRepository;
  events: EventPublisher;
}

/**
 * The effects of the recruitment's stage moves and of the hire decision. Each runs in one transaction and
 * only when the posting is still at the stage it expects, so a retried activity has no second effect.
 */
export function createRecruitmentActivities(deps: RecruitmentActivityDeps) {
  return {
    async enterRecruitmentStage(postingId: string, from: RecruitmentStage, to: RecruitmentStage): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const posting = await deps.recruitment.posting(tx, postingId, true);
        if (!posting || posting.stage !== from) return;
        const active = (await deps.recruitment.applications(tx, postingId)).filter((a) => a.status === 'active');
        if (from === 'written-exam' || from === 'interview') {
          const exam = from === 'written-exam' ? '笔试' : '面试';
          const passMark = toTenths(from === 'written-exam' ? posting.writtenPassMark : posting.interviewPassMark);
          for (const application of active) {
            const score = from === 'written-exam' ? application.writtenScore : application.interviewScore;
            const reason = scoreDropReason(exam, toTenths(score ?? 0), passMark);
            if (reason) await deps.recruitment.drop(tx, application.id, reason);
          }
        }
        if (from === 'inspection') {
          const passed = [];
          for (const application of active) {
            if (application.inspectionResult === 'pass') passed.push(application);
            else {
              const note = application.inspectionNote ? `: ${application.inspectionNote}` : '';
              await deps.recruitment.drop(tx, application.id, `考察不合格${note}`);
            }
          }
          const places = new Map(
            (await deps.recruitment.places(tx, postingId)).map((place) => [place.communityId, place.places]),
          );
          const ranked = rankCandidates(
            passed.map((application) => ({
              applicationId: application.id,
              communityId: application.communityId,
              candidateNo: application.candidateNo,
              appliedAt: application.appliedAt.toISOString(),
              writtenTenths: toTenths(application.writtenScore ?? 0),
              interviewTenths: toTenths(application.interviewScore ?? 0),
            })),
            posting.writtenWeightPercent,
            places,
          );
          for (const candidate of ranked) {
            await deps.recruitment.rank(tx, candidate.applicationId, {
              totalThousandths: candidate.totalThousandths,
              rank: candidate.rank,
              status: candidate.proposed ? 'proposed' : 'standby',
            });
          }
        }
        await deps.recruitment.setStage(tx, postingId, to);
      });
    },

    async settleHires(
      input: RecruitmentInput,
      decision: { outcome: string; actorId: string | null },
    ): Promise<RecruitmentStage> {
      return deps.transactions.run(async (tx) => {
        const posting = await deps.recruitment.posting(tx, input.postingId, true);
        if (!posting) return 'rejected';
        if (posting.stage !== 'hire-approval') return posting.stage;
        const applications = await deps.recruitment.applications(tx, input.postingId);
        const stage: RecruitmentStage =
          decision.outcome === 'approved' ? 'hired' : decision.outcome === 'expired' ? 'expired' : 'rejected';
        if (stage !== 'hired') {
          for (const application of applications.filter((a) => a.status === 'proposed')) {
            await deps.recruitment.settle(tx, application.id, 'not-hired', null);
          }
          await deps.recruitment.setStage(tx, input.postingId, stage);
          return stage;
        }
        const places = new Map((await deps.recruitment.places(tx, input.postingId)).map((p) => [p.communityId, p]));
        const [postStart] = await deps.careers.steps(tx, workerTracks.post);
        const [titleStart] = await deps.careers.steps(tx, workerTracks.title);
        const hiredOn = new Date().toISOString().slice(0, 10);
        for (const application of applications.filter((a) => a.status === 'proposed')) {
          const workerId = randomUUID();
          const inserted = await deps.workers.insert(
            tx,
            {
              id: workerId,
              employeeNo: `R${input.postingId.slice(0, 8)}-${application.candidateNo}`,
              name: application.name,
              communityId: application.communityId,
              streetCode: places.get(application.communityId)!.streetCode,
              districtCode: posting.districtCode,
              postStep: postStart.code,
              postSince: hiredOn,
              titleStep: titleStart.code,
              titleSince: hiredOn,
              education: application.education,
              partyMember: application.partyMember,
              hireDate: hiredOn,
              certificates: [],
            },
            'hired',
            { actorId: decision.actorId ?? 'system', reason: `招聘录用: ${posting.title}` },
          );
          if (!inserted) throw new Error(`Employee number for candidate ${application.candidateNo} is taken`);
          await deps.recruitment.settle(tx, application.id, 'hired', workerId);
          await deps.events.publish(tx, WorkerHired, {
            aggregateId: workerId,
            correlationId: input.correlationId,
            payload: {
              workerId,
              postingId: input.postingId,
              applicationId: application.id,
              communityId: application.communityId,
              name: application.name,
              hiredAt: new Date().toISOString(),
            },
          });
        }
        await deps.recruitment.setStage(tx, input.postingId, 'hired');
        return 'hired';
      });
    },
  };
}

export type RecruitmentActivities = ReturnType<typeof createRecruitmentActivities>;
