import { describe, expect, it } from '@jest/globals';
import { testDistrictCode } from '@jianfu/testing/unit';
import {
  currentInfrastructure,
  generateSqlSnapshots,
  repositorySnapshot,
  type ServiceSqlSnapshots,
  staleSqlSnapshots,
  writeSqlSnapshots,
} from '@jianfu/testing';
import { organizationPersistence } from '../src/app.module.js';
import { OrganisationUnitsRepository } from '../src/communities/persistence/organisation-units.repository.js';
import { PartyOrganisationsRepository } from '../src/party-organisations/persistence/party-organisations.repository.js';

/**
 * The SQL of organization's repositories, snapshotted to `apps/organization/sql/` so a query change shows in
 * review. This suite regenerates the files in memory and fails when a committed one differs; `npm run sql:snapshot`
 * runs it with JIANFU_RECORD_SQL=1 to write them.
 */
const record = process.env.JIANFU_RECORD_SQL === '1';

const ids = {
  street: '00000000-0000-4000-8000-000000000001',
  community: '00000000-0000-4000-8000-000000000002',
  survivor: '00000000-0000-4000-8000-000000000003',
  grid: '00000000-0000-4000-8000-000000000004',
  request: '00000000-0000-4000-8000-000000000005',
  bare: '00000000-0000-4000-8000-000000000006',
  fresh: '00000000-0000-4000-8000-000000000009',
};
const page = { offset: 0, limit: 20 };
const districtScope = { districtCode: testDistrictCode };
const streetScope = { districtCode: testDistrictCode, streetCodes: ['S01'] };

export const organizationSqlSnapshots: ServiceSqlSnapshots = {
  service: 'organization',
  folder: new URL('../sql/', import.meta.url),
  ...organizationPersistence,
  async seed(tx) {
    await tx.query(`INSERT INTO street (id, code, name, district_code) VALUES ($1, 'S01', '东街街道', $2)`, [
      ids.street,
      testDistrictCode,
    ]);
    await tx.query(
      `INSERT INTO community (id, code, name, street_id)
       VALUES ($1, 'C01', '东门社区', $4), ($2, 'C02', '西门社区', $4), ($3, 'C03', '南门社区', $4)`,
      [ids.community, ids.survivor, ids.bare, ids.street],
    );
    await tx.query(`INSERT INTO grid (id, code, name, community_id) VALUES ($1, 'G01', '一网格', $2)`, [
      ids.grid,
      ids.community,
    ]);
    await tx.query(
      `INSERT INTO party_organisation (community_id, kind, member_count) VALUES ($1, 'branch', 20), ($2, 'branch', 30)`,
      [ids.community, ids.survivor],
    );
  },
  repositories: [
    repositorySnapshot('organisation-units.repository.sql', new OrganisationUnitsRepository(), {
      findStreetByCode: (r, tx) => r.findStreetByCode(tx, 'S01'),
      claimCode: (r, tx) => r.claimCode(tx, 'C09'),
      insertStreet: (r, tx) =>
        r.insertStreet(tx, { id: ids.fresh, code: 'S09', name: '新街道', districtCode: testDistrictCode }),
      insertCommunity: (r, tx) =>
        r.insertCommunity(tx, { id: ids.fresh, code: 'C09', name: '新社区', streetId: ids.street }),
      insertGrid: (r, tx) =>
        r.insertGrid(tx, { id: ids.fresh, code: 'G09', name: '新网格', communityId: ids.community }),
      findCommunity: (r, tx) => r.findCommunity(tx, ids.community),
      listStreets: (r, tx) => r.listStreets(tx, streetScope, page),
      listCommunities: (r, tx) => r.listCommunities(tx, streetScope, { includeMerged: false }),
      listCommunitiesPage: (r, tx) =>
        r.listCommunitiesPage(tx, districtScope, { streetCode: 'S01', includeMerged: true }, page),
      listGrids: (r, tx) => r.listGrids(tx, ids.community, page),
      findUnitByCode: (r, tx) => r.findUnitByCode(tx, 'G01'),
      rename: (r, tx) => r.rename(tx, 'community', ids.community, '东门新社区'),
      moveCommunity: (r, tx) => r.moveCommunity(tx, ids.community, ids.street),
      moveGrids: (r, tx) => r.moveGrids(tx, [ids.grid], ids.survivor),
      findGridsByCode: (r, tx) => r.findGridsByCode(tx, ['G01']),
      mergeCommunity: (r, tx) => r.mergeCommunity(tx, ids.community, ids.survivor),
      recordChange: (r, tx) =>
        r.recordChange(tx, {
          unitKind: 'community',
          unitId: ids.community,
          unitCode: 'C01',
          change: 'renamed',
          details: { from: '东门社区', to: '东门新社区' },
          changedBy: 'user-1',
        }),
      history: (r, tx) => r.history(tx, 'C01'),
    }),
    repositorySnapshot('party-organisations.repository.sql', new PartyOrganisationsRepository(), {
      create: (r, tx) => r.create(tx, { communityId: ids.bare, kind: 'branch', memberCount: 3 }),
      findForUpdate: (r, tx) => r.findForUpdate(tx, ids.community),
      setMemberCount: (r, tx) => r.setMemberCount(tx, ids.community, 25),
      setSecretary: (r, tx) =>
        r.setSecretary(tx, ids.community, { workerId: ids.fresh, name: '林书记', appointedAt: new Date(0) }),
      find: (r, tx) => r.find(tx, ids.community),
      hasPendingRequest: (r, tx) => r.hasPendingRequest(tx, ids.community),
      changeKind: (r, tx) => r.changeKind(tx, ids.community, 'general-branch'),
      insertRequest: (r, tx) =>
        r.insertRequest(tx, {
          id: ids.request,
          communityId: ids.community,
          fromKind: 'branch',
          toKind: 'general-branch',
          memberCount: 60,
          status: 'awaiting-decision',
          requestedBy: 'user-1',
          requestedAt: new Date(0),
        }),
      findRequest: (r, tx) => r.findRequest(tx, ids.request),
      findRequestForUpdate: (r, tx) => r.findRequestForUpdate(tx, ids.request),
      closeRequest: (r, tx) =>
        r.closeRequest(tx, ids.request, { status: 'approved', decidedBy: 'user-2', reason: null }),
    }),
  ],
};

describe('organization’s repository SQL snapshots (apps/organization/sql)', () => {
  it('match the SQL the repositories issue', async () => {
    const files = await generateSqlSnapshots(organizationSqlSnapshots, currentInfrastructure().databaseUrl);
    if (record) await writeSqlSnapshots(organizationSqlSnapshots.folder, files);
    const stale = await staleSqlSnapshots(organizationSqlSnapshots.folder, files);
    expect(
      stale.map(
        (file) => `apps/organization/sql/${file} differs from the SQL issued now: run \`npm run sql:snapshot\``,
      ),
    ).toEqual([]);
  });
});
