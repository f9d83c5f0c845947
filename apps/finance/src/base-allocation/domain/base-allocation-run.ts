/** A run of a district's yearly base allocation (社区基本运转经费), and where it stands. */
export interface BaseAllocationRun {
  districtCode: string;
  year: number;
  amountFen: number;
  state: 'running' | 'finished';
  /** Each start of a year's allocation is a new run (and workflow); reruns pay only what is missing. */
  runNumber: number;
  /** Names the run's workflow, unique across deployments sharing a Temporal namespace. */
  runId: string;
  communitiesSeen: number;
  communitiesPaid: number;
  /** Set when the run is a top-up (补差): communities paid before it get the difference to `amountFen`. */
  topUpId: string | null;
  communitiesToppedUp: number;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** 补差: the record of one raise of a year's standard after communities were paid. */
export interface BaseTopUp {
  topUpId: string;
  districtCode: string;
  year: number;
  fromFen: number;
  toFen: number;
  reason: string;
  runId: string;
  startedBy: string;
  startedAt: Date;
}
