import { Logger } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@jianfu/contracts';
import { GatewayConfig } from '../../../config.js';
import { type ApprovalService, approvalServices, ServiceDirectory } from '../../../forwarding/service-directory.js';
import { compareInboxItems, type ServiceInboxItem, type WorkbenchInboxItem } from '../../domain/merge-inbox.js';
import { ColleagueNames } from './colleague-names.js';
import { GetWorkbenchInboxQuery, type WorkbenchInbox } from './get-workbench-inbox.query.js';

interface ServicePage {
  items: ServiceInboxItem[];
  total: number;
}

/**
 * Asks the four services at once for the first `offset + limit` items of the view (each filters and searches its
 * own), merges them into one order, and cuts the page: the page is then exactly what one list over all services
 * would hold. The total is the sum of the services' totals. A service that fails or does not answer in time is
 * named in `unavailable`; the others' items are still shown.
 */
@QueryHandler(GetWorkbenchInboxQuery)
export class GetWorkbenchInboxHandler implements IQueryHandler<GetWorkbenchInboxQuery> {
  private readonly logger = new Logger(GetWorkbenchInboxHandler.name);
  /** Seconds, not minutes: a renamed colleague shows by the new name within half a minute. */
  private readonly colleagueNames = new ColleagueNames({ maxEntries: 10_000, ttlSeconds: 30 });

  constructor(
    private readonly directory: ServiceDirectory,
    private readonly config: GatewayConfig,
  ) {}

  async execute(query: GetWorkbenchInboxQuery): Promise<WorkbenchInbox> {
    const { filter } = query;
    const parameters = new URLSearchParams({
      view: filter.view,
      offset: '0',
      limit: String(filter.offset + filter.limit),
      ...(filter.overdue ? { overdue: 'true' } : {}),
      ...(filter.q ? { q: filter.q } : {}),
    });
    const answers = await Promise.all(
      approvalServices.map(async (service) => ({ service, page: await this.fetchPage(service, parameters, query) })),
    );
    const unavailable = answers.filter((answer) => answer.page === null).map((answer) => answer.service);
    const merged: WorkbenchInboxItem[] = answers.flatMap(({ service, page }) =>
      (page?.items ?? []).map((item): WorkbenchInboxItem => ({ ...item, service })),
    );
    const total = answers.reduce((sum, answer) => sum + (answer.page?.total ?? 0), 0);
    merged.sort(compareInboxItems(filter.view));
    return {
      items: await this.named(merged.slice(filter.offset, filter.offset + filter.limit), query),
      total,
      offset: filter.offset,
      limit: filter.limit,
      unavailable,
    };
  }

  /**
   * People are shown by name: the page's senders and submitters are named by identity in one call, with the user's
   * token (so only colleagues of the user's district are named), those named for the district in the last seconds
   * from memory. Without an answer the ids stay and the page still shows: a name is a convenience, the page is not.
   */
  private async named(items: WorkbenchInboxItem[], query: GetWorkbenchInboxQuery): Promise<WorkbenchInboxItem[]> {
    const ids = [...new Set(items.flatMap((item) => [item.sentBy, item.submitterId]).filter(isUuid))];
    const { known: names, missing } = this.colleagueNames.lookUp(query.districtCode, ids);
    if (missing.length > 0) {
      const named = await this.askIdentityToName(missing, query.accessToken);
      this.colleagueNames.remember(query.districtCode, named);
      for (const [id, name] of named) names.set(id, name);
    }
    return items.map((item) => ({
      ...item,
      sentByName: typeof item.sentBy === 'string' ? (names.get(item.sentBy) ?? null) : null,
      submitterName: typeof item.submitterId === 'string' ? (names.get(item.submitterId) ?? null) : null,
    }));
  }

  private async askIdentityToName(ids: string[], accessToken: string): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    try {
      const query = new URLSearchParams(ids.map((id): [string, string] => ['id', id]));
      const response = await fetch(`${this.directory.baseUrl('identity')}/user-names?${query.toString()}`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
      });
      if (response.status === 200) {
        const body = (await response.json()) as { items: { id: string; displayName: string }[] };
        for (const user of body.items) names.set(user.id, user.displayName);
      } else {
        this.logger.warn({ status: response.status }, 'Identity did not name the inbox’s people');
        await response.body?.cancel();
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Identity did not answer for the inbox’s people');
    }
    return names;
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
