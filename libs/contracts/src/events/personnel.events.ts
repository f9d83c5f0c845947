import { defineEvent } from './event-definition.js';
import { dateTime, fen, objectSchema, text, uuid, yearMonth } from './schema-fragments.js';

/** 合格 (qualified), 良好 (good), 优秀 (excellent); 不合格 (unqualified) earns no bonus. */
export type PerformanceGrade = 'unqualified' | 'qualified' | 'good' | 'excellent';

export interface GradedWorker {
  workerId: string;
  grade: PerformanceGrade;
  bonusFen: number;
}

export interface MonthlyGradesFinalisedPayload {
  cycleId: string;
  communityId: string;
  month: string;
  grades: GradedWorker[];
  totalBonusFen: number;
  finalisedAt: string;
}

const gradedWorker = objectSchema({
  workerId: uuid,
  grade: { enum: ['unqualified', 'qualified', 'good', 'excellent'] },
  bonusFen: fen,
});

export const MonthlyGradesFinalised = defineEvent<MonthlyGradesFinalisedPayload>({
  type: 'personnel.monthly-grades.finalised',
  version: 1,
  source: 'personnel',
  aggregateType: 'assessment-cycle',
  description:
    "A community's monthly performance grades (月度考核) were approved within the quotas; finance pays the bonuses.",
  schema: objectSchema({
    cycleId: uuid,
    communityId: uuid,
    month: yearMonth,
    grades: { type: 'array', minItems: 1, items: gradedWorker },
    totalBonusFen: fen,
    finalisedAt: dateTime,
  }),
});

export interface AnnualGradesFinalisedPayload {
  cycleId: string;
  communityId: string;
  year: number;
  grades: GradedWorker[];
  totalBonusFen: number;
  finalisedAt: string;
}

export const AnnualGradesFinalised = defineEvent<AnnualGradesFinalisedPayload>({
  type: 'personnel.annual-grades.finalised',
  version: 1,
  source: 'personnel',
  aggregateType: 'assessment-cycle',
  description: "A community's annual grades (年度考核) were approved; finance pays the annual bonuses.",
  schema: objectSchema({
    cycleId: uuid,
    communityId: uuid,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    grades: { type: 'array', minItems: 1, items: gradedWorker },
    totalBonusFen: fen,
    finalisedAt: dateTime,
  }),
});

export type HonourLevel = 'national' | 'provincial' | 'city';

export interface HonourAwardedPayload {
  awardId: string;
  workerId: string;
  communityId: string;
  level: HonourLevel;
  title: string;
  amountFen: number;
  awardedAt: string;
}

export const HonourAwarded = defineEvent<HonourAwardedPayload>({
  type: 'personnel.honour.awarded',
  version: 1,
  source: 'personnel',
  aggregateType: 'worker',
  description:
    'A community worker received an honour with a one-off award (national 10,000, provincial 5,000, city 3,000 yuan); finance pays it.',
  schema: objectSchema({
    awardId: uuid,
    workerId: uuid,
    communityId: uuid,
    level: { enum: ['national', 'provincial', 'city'] },
    title: text(200),
    amountFen: fen,
    awardedAt: dateTime,
  }),
});

export interface SecretaryAppointedPayload {
  communityId: string;
  workerId: string;
  name: string;
  appointedAt: string;
}

export const SecretaryAppointed = defineEvent<SecretaryAppointedPayload>({
  type: 'personnel.secretary.appointed',
  version: 1,
  source: 'personnel',
  aggregateType: 'community',
  description: "A community's party secretary (社区书记) changed; organization records it on the party organisation.",
  schema: objectSchema({ communityId: uuid, workerId: uuid, name: text(100), appointedAt: dateTime }),
});

export interface WorkerPromotedPayload {
  requestId: string;
  workerId: string;
  communityId: string;
  /** `post` (职务) or `professional` (职称); the tracks and their steps are personnel's data. */
  trackCode: string;
  fromStep: string;
  toStep: string;
  toStepName: string;
  approvedBy: string;
  promotedAt: string;
  /** The worker's name, so a roster that never saw the hire can still show who was promoted (optional, added later). */
  name?: string;
}

export const WorkerPromoted = defineEvent<WorkerPromotedPayload>({
  type: 'personnel.worker.promoted',
  version: 1,
  source: 'personnel',
  aggregateType: 'worker',
  description:
    'A community worker moved up one step of a career track (post track 社区工作者 → 社区书记 → 事业编制社区书记 → 街镇副职, or professional track 助理社会工作师 → 社会工作师 → 高级社会工作师) after street and district approval; organization keeps it on the community roster.',
  schema: objectSchema(
    {
      requestId: uuid,
      workerId: uuid,
      communityId: uuid,
      trackCode: text(50),
      fromStep: text(64),
      toStep: text(64),
      toStepName: text(100),
      approvedBy: text(100),
      promotedAt: dateTime,
      name: text(100),
    },
    ['name'],
  ),
});

export interface WorkerHiredPayload {
  workerId: string;
  postingId: string;
  applicationId: string;
  communityId: string;
  name: string;
  hiredAt: string;
}

export const WorkerHired = defineEvent<WorkerHiredPayload>({
  type: 'personnel.worker.hired',
  version: 1,
  source: 'personnel',
  aggregateType: 'worker',
  description:
    'A candidate passed the open recruitment (笔试, 面试, 考察) and the approved hire list; their worker record exists. ' +
    "Organization adds them to the community's roster.",
  schema: objectSchema({
    workerId: uuid,
    postingId: uuid,
    applicationId: uuid,
    communityId: uuid,
    name: text(100),
    hiredAt: dateTime,
  }),
});

export const personnelEvents = [
  MonthlyGradesFinalised,
  AnnualGradesFinalised,
  HonourAwarded,
  SecretaryAppointed,
  WorkerPromoted,
  WorkerHired,
] as const;
