import {
  InMemoryTransactionRunner,
  RecordingEventPublisher,
  RecordingWorkflowStarts,
  testDistrictCode,
} from '@jianfu/testing/unit';
import { CycleAccess } from '../assessments/cycle-access.js';
import { CareerStepValidator } from '../careers/career-step-validator.js';
import { CareerEligibility } from '../careers/career-eligibility.js';
import { workerTracks } from '../careers/domain/worker-tracks.js';
import { CommunityAccess } from '../communities/community-access.js';
import { WorkerAccess } from '../workers/worker-access.js';
import { InMemoryAssessmentsRepository } from './in-memory-assessments.repository.js';
import {
  InMemoryCareersRepository,
  InMemoryOpinionOutcomesRepository,
  InMemoryPromotionsRepository,
} from './in-memory-careers.repositories.js';
import { InMemoryCommunityDirectory } from './in-memory-community-directory.js';
import { InMemoryHonoursRepository } from './in-memory-honours.repository.js';
import { InMemoryRecruitmentRepository } from './in-memory-recruitment.repository.js';
import { InMemoryWorkersRepository } from './in-memory-workers.repository.js';

/**
 * The fakes personnel's handlers are built from, on one transaction runner, with the real access and eligibility
 * rules (CommunityAccess, WorkerAccess, CareerEligibility, CareerStepValidator) over them. Two short tracks are
 * seeded: post P1 → P2 → P3 and professional T1 → T2.
 */
export function personnelFakes() {
  const directory = new InMemoryCommunityDirectory();
  const workers = new InMemoryWorkersRepository();
  const careers = new InMemoryCareersRepository(workers)
    .addSteps(workerTracks.post, [
      { code: 'P1', name: '社区工作者' },
      { code: 'P2', name: '副主任' },
      { code: 'P3', name: '书记', leadership: true },
    ])
    .addSteps(workerTracks.title, [
      { code: 'T1', name: '初级' },
      { code: 'T2', name: '中级' },
    ]);
  const promotions = new InMemoryPromotionsRepository();
  const opinionOutcomes = new InMemoryOpinionOutcomesRepository();
  const assessments = new InMemoryAssessmentsRepository(workers);
  const honours = new InMemoryHonoursRepository();
  const recruitment = new InMemoryRecruitmentRepository();
  const events = new RecordingEventPublisher();
  const workflows = new RecordingWorkflowStarts();
  const transactions = new InMemoryTransactionRunner(
    directory,
    workers,
    careers,
    promotions,
    opinionOutcomes,
    assessments,
    honours,
    recruitment,
    events,
    workflows,
  );
  return {
    districtCode: testDistrictCode,
    directory,
    communities: new CommunityAccess(directory),
    workers,
    access: new WorkerAccess(workers),
    careers,
    steps: new CareerStepValidator(careers),
    promotions,
    opinionOutcomes,
    assessments,
    cycles: new CycleAccess(assessments),
    honours,
    recruitment,
    eligibility: new CareerEligibility(careers, assessments, opinionOutcomes),
    events,
    workflows,
    transactions,
  };
}

export type PersonnelFakes = ReturnType<typeof personnelFakes>;
