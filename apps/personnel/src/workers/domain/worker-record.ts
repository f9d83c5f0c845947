import type { EducationLevel } from './education.js';
import type { FieldChanges } from './worker-changes.js';

export interface TrainingRecord {
  course: string;
  hours: number;
  completedOn: string;
}

export interface HonourRecord {
  awardId: string;
  level: string;
  title: string;
  year: number;
}

/** A community worker (社区工作者) and where they stand on both career tracks, as the service reads it back. */
export interface WorkerRecord {
  id: string;
  employeeNo: string;
  name: string;
  communityId: string;
  streetCode: string;
  districtCode: string;
  /** The worker's step on the post track (职务), a `career_step` code. */
  postStep: string;
  postSince: string;
  /** The worker's step on the professional track (职称), a `career_step` code. */
  titleStep: string;
  titleSince: string;
  education: EducationLevel;
  partyMember: boolean;
  hireDate: string;
  certificates: string[];
  trainings: TrainingRecord[];
  honours: HonourRecord[];
  version: number;
  createdAt: Date;
}

export type WorkerChangeKind = 'registered' | 'imported' | 'hired' | 'updated' | 'trained' | 'promoted' | 'honoured';

/** One entry of a worker's append-only history: who changed what, when, and why. */
export interface WorkerChange {
  id: string;
  workerId: string;
  kind: WorkerChangeKind;
  changes: FieldChanges;
  reason: string;
  changedBy: string;
  changedAt: Date;
}
