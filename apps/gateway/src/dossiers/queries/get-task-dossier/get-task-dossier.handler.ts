import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@jianfu/platform';
import { DossierErrors } from '../../domain/dossier.errors.js';
import { type DossierSection, inBatches, shown } from '../../domain/dossier-section.js';
import { ServiceReader } from '../../service-reader.js';
import { GetTaskDossierQuery } from './get-task-dossier.query.js';
import type { CommunityMoneyLine, DossierCommunity, ServiceBody, TaskDossier } from './task-dossier.js';

interface SubmissionBody extends ServiceBody {
  departmentId?: string;
  resolvedCommunityIds?: string[] | null;
  task?: { taskId: string } | null;
}

interface TransferBody extends ServiceBody {
  submissionId?: string;
  funding?: { communityId: string; amountFen: number }[];
}

interface TaskReportBody extends ServiceBody {
  communities?: (CommunityMoneyLine & { communityId: string })[];
}

interface Page<T> {
  items: T[];
}

const notFound: DossierSection<never> = { state: 'hidden', status: 404, code: null };

/** How many communities are read at once: a task of a whole street must not open hundreds of requests together. */
const communitiesAtOnce = 6;

/** The post-track step of a community's party secretary (personnel's career track). */
const secretaryStep = 'community-secretary';

/**
 * Follows a task through the services with the user's own token: admission (the submission, every review round,
 * the catalogue item, the communities' dispatch and done, violations), finance (the transfer, the task's money
 * and each community's postings), organization (the communities) and personnel (their secretary and workers).
 * Each part is what its service shows this user; the dossier exists when admission or finance shows the task.
 */
@QueryHandler(GetTaskDossierQuery)
export class GetTaskDossierHandler implements IQueryHandler<GetTaskDossierQuery> {
  constructor(private readonly services: ServiceReader) {}

  async execute(query: GetTaskDossierQuery): Promise<TaskDossier> {
    const token = query.accessToken;
    const read = <T>(service: 'admission' | 'finance' | 'organization' | 'personnel', path: string) =>
      this.services.read<T>(service, path, token);

    let taskId: string | null;
    let submissionId: string | null;
    let submission: DossierSection<SubmissionBody>;
    let transfer: DossierSection<TransferBody>;
    if ('taskId' in query.by) {
      taskId = query.by.taskId;
      transfer = await read<TransferBody>('finance', `/task-fund-transfers/${taskId}`);
      submissionId = shown(transfer)?.submissionId ?? null;
      submission = submissionId ? await read<SubmissionBody>('admission', `/submissions/${submissionId}`) : notFound;
    } else {
      submissionId = query.by.submissionId;
      submission = await read<SubmissionBody>('admission', `/submissions/${submissionId}`);
      taskId = shown(submission)?.task?.taskId ?? null;
      transfer = taskId ? await read<TransferBody>('finance', `/task-fund-transfers/${taskId}`) : notFound;
    }
    if (submission.state === 'hidden' && transfer.state === 'hidden') {
      const id = 'taskId' in query.by ? query.by.taskId : query.by.submissionId;
      throw DomainError.of(DossierErrors['dossier.not-found'], `No task dossier ${id} for this user`);
    }

    const departmentId = shown(submission)?.departmentId;
    const [history, money, violations] = await Promise.all([
      submissionId ? read<ServiceBody>('admission', `/submissions/${submissionId}/history`) : notFound,
      taskId ? read<TaskReportBody>('finance', `/reports/tasks/${taskId}`) : notFound,
      taskId && departmentId
        ? read<Page<ServiceBody & { taskId: string | null }>>(
            'admission',
            `/violations?departmentId=${departmentId}&kind=task&limit=500`,
          )
        : notFound,
    ]);

    const moneyOf = new Map((shown(money)?.communities ?? []).map((line) => [line.communityId, line]));
    const communityIds = [
      ...new Set([
        ...(shown(transfer)?.funding ?? []).map((line) => line.communityId),
        ...moneyOf.keys(),
        ...(shown(submission)?.resolvedCommunityIds ?? []),
      ]),
    ];
    const perCommunity = await inBatches(communityIds, communitiesAtOnce, (communityId) =>
      this.community(communityId, taskId, moneyOf.get(communityId) ?? null, read),
    );
    const communities = perCommunity.map((entry) => entry.community);

    const sections: DossierSection<unknown>[] = [
      submission,
      history,
      transfer,
      money,
      violations,
      ...perCommunity.flatMap((entry) => entry.sections),
    ];
    return {
      taskId,
      submissionId,
      submission,
      history,
      transfer,
      money,
      violations:
        violations.state === 'shown'
          ? { state: 'shown', data: violations.data.items.filter((violation) => violation.taskId === taskId) }
          : violations,
      communities,
      unavailable: [
        ...new Set(sections.flatMap((section) => (section.state === 'unavailable' ? [section.service] : []))),
      ],
    };
  }

  private async community(
    communityId: string,
    taskId: string | null,
    money: CommunityMoneyLine | null,
    read: <T>(
      service: 'admission' | 'finance' | 'organization' | 'personnel',
      path: string,
    ) => Promise<DossierSection<T>>,
  ): Promise<{ community: DossierCommunity; sections: DossierSection<unknown>[] }> {
    const account = taskId ? encodeURIComponent(`community:${communityId}:task:${taskId}`) : null;
    const [place, postings, tasks, workers] = await Promise.all([
      read<{ code: string; name: string }>('organization', `/communities/${communityId}`),
      account ? read<ServiceBody>('finance', `/ledger/accounts/${account}?limit=100`) : notFound,
      taskId
        ? read<Page<{ taskId: string; status: string; dispatchedAt: string | null; doneAt: string | null }>>(
            'admission',
            `/communities/${communityId}/tasks?limit=500`,
          )
        : notFound,
      read<Page<ServiceBody & { postStep: string }>>('personnel', `/workers?communityId=${communityId}&limit=200`),
    ]);
    const line = shown(tasks)?.items.find((task) => task.taskId === taskId);
    const community: DossierCommunity = {
      communityId,
      code: shown(place)?.code ?? null,
      name: shown(place)?.name ?? null,
      money: money && {
        promisedFen: money.promisedFen,
        disbursedFen: money.disbursedFen,
        spentFen: money.spentFen,
        balanceFen: money.balanceFen,
      },
      postings,
      dispatch:
        tasks.state === 'shown'
          ? {
              state: 'shown',
              data: line ? { status: line.status, dispatchedAt: line.dispatchedAt, doneAt: line.doneAt } : null,
            }
          : tasks,
      people:
        workers.state === 'shown'
          ? {
              state: 'shown',
              data: {
                secretaries: workers.data.items.filter((worker) => worker.postStep === secretaryStep),
                workers: workers.data.items.filter((worker) => worker.postStep !== secretaryStep),
              },
            }
          : workers,
    };
    return { community, sections: [place, postings, tasks, workers] };
  }
}
