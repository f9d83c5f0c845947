import { Query } from '@nestjs/cqrs';
import type { WorkbenchInboxItem, WorkbenchView } from '../../domain/merge-inbox.js';

export interface WorkbenchInbox {
  items: WorkbenchInboxItem[];
  total: number;
  offset: number;
  limit: number;
  /** Services that did not answer: their items are missing from this page. */
  unavailable: string[];
}

/** 待办 / 已办 / 抄送 across the four services, as the user (their access token) of a district. */
export class GetWorkbenchInboxQuery extends Query<WorkbenchInbox> {
  constructor(
    readonly accessToken: string,
    readonly districtCode: string,
    readonly filter: { view: WorkbenchView; offset: number; limit: number; overdue?: boolean; q?: string },
  ) {
    super();
  }
}
