import type { DossierSection } from '../../domain/dossier-section.js';

/** What a service answers, passed through as it is (its own document describes it). */
export type ServiceBody = Record<string, unknown>;

export interface CommunityMoneyLine {
  promisedFen: number;
  disbursedFen: number;
  spentFen: number;
  balanceFen: number;
}

export interface DossierCommunity {
  communityId: string;
  /** From finance's community directory (as every service knows the community). */
  code: string | null;
  name: string | null;
  /** The community's line of finance's task report; null when finance did not show it. */
  money: CommunityMoneyLine | null;
  /** The postings of the community's task account (专款), from finance's ledger. */
  postings: DossierSection<ServiceBody>;
  /** Dispatch and done, from the community's task list in admission. */
  dispatch: DossierSection<{ status: string; dispatchedAt: string | null; doneAt: string | null } | null>;
  /** The secretary and workers of record, from personnel. */
  people: DossierSection<{ secretaries: ServiceBody[]; workers: ServiceBody[] }>;
}

/** 任务档案: a task followed from its submission through review, money and the communities that did it. */
export interface TaskDossier {
  taskId: string | null;
  submissionId: string | null;
  submission: DossierSection<ServiceBody>;
  history: DossierSection<ServiceBody>;
  transfer: DossierSection<ServiceBody>;
  money: DossierSection<ServiceBody>;
  violations: DossierSection<ServiceBody[]>;
  communities: DossierCommunity[];
  /** Services that did not answer some part, for the console's banner. */
  unavailable: string[];
}
