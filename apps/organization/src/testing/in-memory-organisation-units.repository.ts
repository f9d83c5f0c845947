import { randomUUID } from 'node:crypto';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import type { PlacedUnit, StoredUnit } from '../communities/domain/hierarchy-unit.js';
import type {
  CommunityView,
  HierarchyChange,
  OrganisationUnitsRepository,
} from '../communities/persistence/organisation-units.repository.js';
import type { StreetEntity } from '../communities/persistence/street.entity.js';

interface CommunityRow {
  id: string;
  code: string;
  name: string;
  streetId: string;
  status: 'active' | 'merged';
  mergedInto: string | null;
}

interface GridRow {
  id: string;
  code: string;
  name: string;
  communityId: string;
}

type Page = { offset: number; limit: number };

/**
 * The district hierarchy over Maps, for handler unit tests: the same answers as the SQL repository (codes unique
 * across the three levels, a grid's status is its community's, merged communities stay on record).
 */
export class InMemoryOrganisationUnitsRepository implements OrganisationUnitsRepository, TransactionParticipant {
  readonly state = {
    streets: new Map<string, StreetEntity>(),
    communities: new Map<string, CommunityRow>(),
    grids: new Map<string, GridRow>(),
    changes: [] as HierarchyChange[],
  };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  /** Seeds a street; returns its id. */
  addStreet(code: string, districtCode: string, name = `${code} 街道`): string {
    const id = randomUUID();
    this.state.streets.set(id, { id, code, name, districtCode, createdAt: new Date() });
    return id;
  }

  /** Seeds a community under a seeded street; returns its id. */
  addCommunity(code: string, streetCode: string, name = `${code} 社区`): string {
    const street = [...this.state.streets.values()].find((row) => row.code === streetCode);
    if (!street) throw new Error(`seed the street ${streetCode} first`);
    const id = randomUUID();
    this.state.communities.set(id, { id, code, name, streetId: street.id, status: 'active', mergedInto: null });
    return id;
  }

  /** Seeds a grid under a seeded community; returns its id. */
  addGrid(code: string, communityCode: string, name = `${code} 网格`): string {
    const community = this.communityByCode(communityCode);
    if (!community) throw new Error(`seed the community ${communityCode} first`);
    const id = randomUUID();
    this.state.grids.set(id, { id, code, name, communityId: community.id });
    return id;
  }

  communityByCode(code: string): CommunityRow | undefined {
    return [...this.state.communities.values()].find((row) => row.code === code);
  }

  gridsOf(communityCode: string): string[] {
    const community = this.communityByCode(communityCode);
    return [...this.state.grids.values()]
      .filter((grid) => grid.communityId === community?.id)
      .map((grid) => grid.code)
      .sort();
  }

  changesOf(unitCode: string): HierarchyChange[] {
    return this.state.changes.filter((change) => change.unitCode === unitCode);
  }

  findStreetByCode(_tx: Transaction, code: string): Promise<StreetEntity | null> {
    return Promise.resolve([...this.state.streets.values()].find((row) => row.code === code) ?? null);
  }

  claimCode(_tx: Transaction, code: string): Promise<boolean> {
    const taken = [...this.state.streets.values(), ...this.state.communities.values(), ...this.state.grids.values()];
    return Promise.resolve(!taken.some((unit) => unit.code === code));
  }

  async insertStreet(tx: Transaction, street: Omit<StreetEntity, 'createdAt'>): Promise<boolean> {
    if (!(await this.claimCode(tx, street.code))) return false;
    this.state.streets.set(street.id, { ...street, createdAt: new Date() });
    return true;
  }

  async insertCommunity(
    tx: Transaction,
    community: { id: string; code: string; name: string; streetId: string },
  ): Promise<boolean> {
    if (!(await this.claimCode(tx, community.code))) return false;
    this.state.communities.set(community.id, { ...community, status: 'active', mergedInto: null });
    return true;
  }

  async insertGrid(
    tx: Transaction,
    grid: { id: string; code: string; name: string; communityId: string },
  ): Promise<boolean> {
    if (!(await this.claimCode(tx, grid.code))) return false;
    this.state.grids.set(grid.id, { ...grid });
    return true;
  }

  findCommunity(_tx: Transaction, id: string): Promise<CommunityView | null> {
    const row = this.state.communities.get(id);
    return Promise.resolve(row ? this.view(row) : null);
  }

  listStreets(
    _tx: Transaction,
    scope: OrganisationScope,
    page: Page,
  ): Promise<{ items: { id: string; code: string; name: string; communityCount: number }[]; total: number }> {
    const streets = [...this.state.streets.values()]
      .filter((street) => street.districtCode === scope.districtCode)
      .filter((street) => !scope.streetCodes || scope.streetCodes.includes(street.code))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((street) => ({
        id: street.id,
        code: street.code,
        name: street.name,
        communityCount: [...this.state.communities.values()].filter(
          (row) => row.streetId === street.id && row.status === 'active',
        ).length,
      }));
    return Promise.resolve(paged(streets, page));
  }

  listCommunities(
    _tx: Transaction,
    scope: OrganisationScope,
    filter: { streetCode?: string; includeMerged: boolean },
  ): Promise<CommunityView[]> {
    const views = [...this.state.communities.values()]
      .map((row) => this.view(row))
      .filter((view) => view.districtCode === scope.districtCode)
      .filter((view) =>
        scope.communityIds
          ? scope.communityIds.includes(view.id)
          : !scope.streetCodes || scope.streetCodes.includes(view.streetCode),
      )
      .filter((view) => !filter.streetCode || view.streetCode === filter.streetCode)
      .filter((view) => filter.includeMerged || view.status === 'active')
      .sort((a, b) => a.code.localeCompare(b.code));
    return Promise.resolve(views);
  }

  async listCommunitiesPage(
    tx: Transaction,
    scope: OrganisationScope,
    filter: { streetCode?: string; includeMerged: boolean },
    page: Page,
  ): Promise<{ items: CommunityView[]; total: number }> {
    return paged(await this.listCommunities(tx, scope, filter), page);
  }

  listGrids(
    _tx: Transaction,
    communityId: string,
    page: Page,
  ): Promise<{ items: { id: string; code: string; name: string }[]; total: number }> {
    const grids = [...this.state.grids.values()]
      .filter((grid) => grid.communityId === communityId)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ id, code, name }) => ({ id, code, name }));
    return Promise.resolve(paged(grids, page));
  }

  findUnitByCode(_tx: Transaction, code: string): Promise<StoredUnit | null> {
    const streets = [...this.state.streets.values()];
    const street = streets.find((row) => row.code === code);
    if (street) {
      return Promise.resolve({
        kind: 'street',
        id: street.id,
        code: street.code,
        name: street.name,
        status: 'active',
        districtCode: street.districtCode,
        parentId: null,
        ancestors: [{ kind: 'district', code: street.districtCode }],
      });
    }
    const community = this.communityByCode(code);
    if (community) {
      const parent = this.state.streets.get(community.streetId)!;
      return Promise.resolve({
        kind: 'community',
        id: community.id,
        code: community.code,
        name: community.name,
        status: community.status,
        districtCode: parent.districtCode,
        parentId: parent.id,
        ancestors: [
          { kind: 'district', code: parent.districtCode },
          { kind: 'street', code: parent.code },
        ],
      });
    }
    const grid = [...this.state.grids.values()].find((row) => row.code === code);
    if (!grid) return Promise.resolve(null);
    const owner = this.state.communities.get(grid.communityId)!;
    const parent = this.state.streets.get(owner.streetId)!;
    const ancestors: PlacedUnit['ancestors'] = [
      { kind: 'district', code: parent.districtCode },
      { kind: 'street', code: parent.code },
      { kind: 'community', code: owner.code },
    ];
    return Promise.resolve({
      kind: 'grid',
      id: grid.id,
      code: grid.code,
      name: grid.name,
      status: owner.status,
      districtCode: parent.districtCode,
      parentId: owner.id,
      ancestors,
    });
  }

  rename(_tx: Transaction, kind: 'street' | 'community' | 'grid', id: string, name: string): Promise<void> {
    const table = { street: this.state.streets, community: this.state.communities, grid: this.state.grids }[kind];
    const row = table.get(id);
    if (row) row.name = name;
    return Promise.resolve();
  }

  moveCommunity(_tx: Transaction, communityId: string, streetId: string): Promise<void> {
    const row = this.state.communities.get(communityId);
    if (row) row.streetId = streetId;
    return Promise.resolve();
  }

  moveGrids(_tx: Transaction, gridIds: string[], communityId: string): Promise<void> {
    for (const id of gridIds) {
      const grid = this.state.grids.get(id);
      if (grid) grid.communityId = communityId;
    }
    return Promise.resolve();
  }

  findGridsByCode(_tx: Transaction, codes: string[]): Promise<{ id: string; code: string; communityId: string }[]> {
    return Promise.resolve(
      [...this.state.grids.values()]
        .filter((grid) => codes.includes(grid.code))
        .map(({ id, code, communityId }) => ({ id, code, communityId })),
    );
  }

  /** Resident units and alliance members live in co-building's tables; the hierarchy's fake moves the grids. */
  mergeCommunity(_tx: Transaction, sourceId: string, survivorId: string): Promise<void> {
    const source = this.state.communities.get(sourceId)!;
    source.status = 'merged';
    source.mergedInto = survivorId;
    for (const grid of this.state.grids.values()) if (grid.communityId === sourceId) grid.communityId = survivorId;
    return Promise.resolve();
  }

  recordChange(_tx: Transaction, change: HierarchyChange): Promise<void> {
    this.state.changes.push(structuredClone(change));
    return Promise.resolve();
  }

  history(_tx: Transaction, unitCode: string): Promise<(Omit<HierarchyChange, 'unitId'> & { changedAt: string })[]> {
    return Promise.resolve(
      this.changesOf(unitCode).map(({ unitId: _unitId, ...change }) => ({
        ...change,
        changedAt: new Date().toISOString(),
      })),
    );
  }

  private view(row: CommunityRow): CommunityView {
    const street = this.state.streets.get(row.streetId)!;
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      streetCode: street.code,
      streetName: street.name,
      districtCode: street.districtCode,
      status: row.status,
      mergedIntoCode: row.mergedInto ? (this.state.communities.get(row.mergedInto)?.code ?? null) : null,
    };
  }
}

function paged<T>(rows: T[], page: Page): { items: T[]; total: number } {
  return { items: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
}
