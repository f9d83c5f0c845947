import { randomUUID } from 'node:crypto';
import {
  type DirectoryCommunity,
  type DirectoryCommunityEntry,
  CommunityDirectoryRepository,
  type DirectoryReadOptions,
} from '@jianfu/community-directory';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';

/** Personnel's copy of organization's communities, over a Map. */
export class InMemoryCommunityDirectory extends CommunityDirectoryRepository implements TransactionParticipant {
  readonly state = { communities: new Map<string, DirectoryCommunityEntry>() };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  /** Seeds an active community; returns it. */
  add(code: string, streetCode: string, districtCode: string): DirectoryCommunityEntry {
    const entry: DirectoryCommunityEntry = {
      communityId: randomUUID(),
      code,
      name: `${code} 社区`,
      streetCode,
      districtCode,
      asOf: new Date(0),
      status: 'active',
      mergedIntoCommunityId: null,
      mergedAt: null,
    };
    this.state.communities.set(entry.communityId, entry);
    return entry;
  }

  override upsert(_tx: Transaction, community: DirectoryCommunity): Promise<void> {
    const stored = this.state.communities.get(community.communityId);
    if (!stored || stored.asOf <= community.asOf) {
      this.state.communities.set(community.communityId, {
        status: 'active',
        mergedIntoCommunityId: null,
        mergedAt: null,
        ...stored,
        ...community,
      });
    }
    return Promise.resolve();
  }

  override markMerged(
    _tx: Transaction,
    merge: { communityId: string; code: string; districtCode: string; intoCommunityId: string; asOf: Date },
  ): Promise<void> {
    const stored = this.state.communities.get(merge.communityId);
    if (stored && stored.asOf > merge.asOf) return Promise.resolve();
    this.state.communities.set(merge.communityId, {
      name: merge.code,
      streetCode: '',
      ...stored,
      communityId: merge.communityId,
      code: stored?.code ?? merge.code,
      districtCode: stored?.districtCode ?? merge.districtCode,
      asOf: merge.asOf,
      status: 'merged',
      mergedIntoCommunityId: merge.intoCommunityId,
      mergedAt: merge.asOf,
    });
    return Promise.resolve();
  }

  override findByIds(
    _tx: Transaction,
    ids: string[],
    options: DirectoryReadOptions = {},
  ): Promise<DirectoryCommunityEntry[]> {
    return Promise.resolve(
      ids
        .map((id) => this.state.communities.get(id))
        .filter((entry): entry is DirectoryCommunityEntry => !!entry)
        .filter((entry) => options.includeMerged || entry.status === 'active'),
    );
  }

  override findByCodes(
    _tx: Transaction,
    districtCode: string,
    codes: string[],
    options: DirectoryReadOptions = {},
  ): Promise<DirectoryCommunityEntry[]> {
    return Promise.resolve(
      [...this.state.communities.values()].filter(
        (entry) =>
          entry.districtCode === districtCode &&
          codes.includes(entry.code) &&
          (options.includeMerged || entry.status === 'active'),
      ),
    );
  }

  override listInScope(
    _tx: Transaction,
    scope: OrganisationScope,
    page: { offset: number; limit: number },
    options: DirectoryReadOptions = {},
  ): Promise<{ items: DirectoryCommunityEntry[]; total: number }> {
    const all = [...this.state.communities.values()]
      .filter((entry) => entry.districtCode === scope.districtCode)
      .filter((entry) => options.includeMerged || entry.status === 'active')
      .filter((entry) =>
        scope.communityIds
          ? scope.communityIds.includes(entry.communityId)
          : !scope.streetCodes || scope.streetCodes.includes(entry.streetCode),
      )
      .sort((a, b) => a.code.localeCompare(b.code));
    return Promise.resolve({ items: all.slice(page.offset, page.offset + page.limit), total: all.length });
  }
}
