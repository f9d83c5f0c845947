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
  description: "A community's monthly performance grades (月度考核) were approved within the quotas; finance pays the bonuses.",
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
  description: 'A community worker received an honour with a one-off award (national 10,000, provincial 5,000, city 3,000 yuan); finance pays it.',
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

export const personnelEvents = [MonthlyGradesFinalised, AnnualGradesFinalised, HonourAwarded, SecretaryAppointed] as const;
