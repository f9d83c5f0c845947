import { Logger } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GatewayConfig } from '../../../config.js';
import { type ApprovalService, approvalServices, ServiceDirectory } from '../../../forwarding/service-directory.js';
import {
  compareInboxItems,
  inboxFilterOf,
  matchesSearch,
  type ServiceInboxItem,
  type WorkbenchInboxItem,
} from '../../domain/merge-inbox.js';
import { workbenchMaxDepth } from '../../api/dto/workbench-inbox.request.js';
import { GetWorkbenchInboxQuery, type WorkbenchInbox } from './get-workbench-inbox.query.js';

interface ServicePage {
  items: ServiceInboxItem[];
  total: number;
}

/**
 * Asks the four services at once for their first `offset + limit` items (all of the first 500 when searching,
 * as the services do not search), merges them into one order, and cuts the page. The total is the sum of the
 * services' totals (with a search, the matches among what was fetched). A service that fails or does not answer
 * in time is named in `unavailable`; the others' items are still shown.
 */
@QueryHandler(GetWorkbenchInboxQuery)
export class GetWorkbenchInboxHandler implements IQueryHandler<GetWorkbenchInboxQuery> {
  private readonly logger = new Logger(GetWorkbenchInboxHandler.name);

  constructor(
    private readonly directory: ServiceDirectory,
    private readonly config: GatewayConfig,
  ) {}

  async execute(query: GetWorkbenchInboxQuery): Promise<WorkbenchInbox> {
    const { filter } = query;
    const depth = filter.q ? workbenchMaxDepth : filter.offset + filter.limit;
    const parameters = new URLSearchParams({
      ...inboxFilterOf(filter.view),
      offset: '0',
      limit: String(depth),
      ...(filter.overdue ? { overdue: 'true' } : {}),
    });
    const answers = await Promise.all(
      approvalServices.map(async (service) => ({ service, page: await this.fetchPage(service, parameters, query) })),
    );
    const unavailable = answers.filter((answer) => answer.page === null).map((answer) => answer.service);
    let merged: WorkbenchInboxItem[] = answers.flatMap(({ service, page }) =>
      (page?.items ?? []).map((item): WorkbenchInboxItem => ({ ...item, service })),
    );
    let total = answers.reduce((sum, answer) => sum + (answer.page?.total ?? 0), 0);
    if (filter.q) {
      merged = merged.filter((item) => matchesSearch(item, filter.q));
      total = merged.length;
    }
    merged.sort(compareInboxItems(filter.view));
    return {
      items: merged.slice(filter.offset, filter.offset + filter.limit),
      total,
      offset: filter.offset,
      limit: filter.limit,
      unavailable,
    };
  }

  private async fetchPage(
    service: ApprovalService,
    parameters: URLSearchParams,
    query: GetWorkbenchInboxQuery,
  ): Promise<ServicePage | null> {
    try {
      const response = await fetch(`${this.directory.baseUrl(service)}/approval-inbox?${parameters.toString()}`, {
        headers: { authorization: `Bearer ${query.accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
      });
      if (response.status !== 200) {
        this.logger.warn({ service, status: response.status }, 'A service answered its approval inbox with an error');
        await response.body?.cancel();
        return null;
      }
      return (await response.json()) as ServicePage;
    } catch (error) {
      this.logger.warn({ err: error, service }, 'A service did not answer its approval inbox');
      return null;
    }
  }
}
