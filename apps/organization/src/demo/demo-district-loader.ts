import { serviceApiClient, unexpectedAnswer } from '@jianfu/platform';
import {
  demoAgreements,
  demoCommunityCode,
  demoDepartments,
  demoDepartmentUser,
  demoFacility,
  demoPartyMembers,
  demoResidentUnits,
  demoStreets,
} from './demo-district.js';

export interface DemoLoadSummary {
  created: number;
  existing: number;
  communities: number;
  millis: number;
}

/**
 * Loads the demo district through the organization service's HTTP API, as an organization-admin of
 * district 350102. Re-running is safe: a 409 means "already there".
 */
export async function loadDemoDistrict(baseUrl: string, token: string): Promise<DemoLoadSummary> {
  const tally = { created: 0, existing: 0 };
  const call = serviceApiClient(baseUrl, token);

  /** Creates unless it exists; anything but success or 409 stops the load with the service's reason. */
  async function ensure(method: string, path: string, body: unknown): Promise<void> {
    const response = await call(method, path, body);
    if (response.status === 409) tally.existing += 1;
    else if (response.status >= 200 && response.status < 300) tally.created += 1;
    else throw unexpectedAnswer(method, path, response);
  }

  async function read<T>(path: string): Promise<T> {
    const response = await call<T>('GET', path);
    if (response.status !== 200) throw unexpectedAnswer('GET', path, response);
    return response.body;
  }

  const started = Date.now();
  let communityIndex = 0;
  for (const street of demoStreets) {
    await ensure('POST', '/streets', { code: street.code, name: street.name });
    for (const [index, name] of street.communities.entries()) {
      await ensure('POST', '/communities', {
        code: demoCommunityCode(street.code, index),
        name,
        streetCode: street.code,
        partyMemberCount: demoPartyMembers(communityIndex++),
      });
      await ensure('POST', '/grids', {
        code: `${demoCommunityCode(street.code, index)}-01`,
        name: `${name.replace(/社区$/, '')}第一网格`,
        communityCode: demoCommunityCode(street.code, index),
      });
    }
  }

  for (const department of demoDepartments) await ensure('POST', '/departments', department);
  const { items: departments } = await read<{ items: { id: string; code: string }[] }>('/departments');
  for (const department of departments.filter((d) => demoDepartments.some((demo) => demo.code === d.code))) {
    const user = demoDepartmentUser(department.code);
    await ensure('PUT', `/departments/${department.id}/users/${user.userId}`, { name: user.name, role: user.role });
  }

  for (const unit of demoResidentUnits) {
    await ensure('POST', '/resident-units', {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      communityCode: unit.community,
      partyMemberCount: unit.partyMembers,
    });
  }
  for (const agreement of demoAgreements) {
    await ensure('POST', '/agreements', {
      code: agreement.code,
      communityCode: agreement.community,
      residentUnitCode: agreement.unit,
      startsOn: '2026-01-01',
      endsOn: '2029-01-01',
      projects: [
        ...agreement.unitProjects.map((title) => ({ committedBy: 'unit', title })),
        ...agreement.communityProjects.map((title) => ({ committedBy: 'community', title })),
      ],
    });
  }

  const { items: communities } = await read<{ items: { id: string; code: string; name: string }[] }>('/communities');
  const idOf = new Map(communities.map((community) => [community.code, community.id]));
  for (const [index, community] of communities.filter((c) => c.code.startsWith('350102')).entries()) {
    await ensure('PUT', `/communities/${community.id}/facilities`, demoFacility(index));
  }
  for (const unit of demoResidentUnits) {
    await ensure('PUT', `/communities/${idOf.get(unit.community)}/alliance/members`, {
      residentUnitCode: unit.code,
      joinedOn: '2026-01-15',
    });
  }

  // One 大党委 with its units, and a joint meeting, for the communities with agreements.
  for (const agreement of demoAgreements.slice(0, 3)) {
    const communityId = idOf.get(agreement.community)!;
    const community = communities.find((c) => c.id === communityId)!;
    const created = await call<{ committeeId: string }>('POST', '/joint-committees', {
      kind: 'community-joint-committee',
      name: `${community.name}大党委`,
      unitCode: agreement.community,
    });
    if (created.status === 201) tally.created += 1;
    else if (created.status === 409) tally.existing += 1;
    else throw unexpectedAnswer('POST', '/joint-committees', created);
    const {
      items: [committee],
    } = await read<{ items: { id: string }[] }>(`/joint-committees?unitCode=${agreement.community}`);
    for (const unit of demoResidentUnits.filter((candidate) => candidate.community === agreement.community)) {
      await ensure('PUT', `/joint-committees/${committee.id}/members`, {
        residentUnitCode: unit.code,
        position: '兼职委员',
      });
    }

    const { meetings } = await read<{ meetings: unknown[] }>(`/communities/${communityId}/co-building`);
    if (meetings.length === 0) {
      await ensure('POST', `/communities/${communityId}/joint-meetings`, {
        heldOn: '2026-06-18',
        topic: '共驻共建联席会议：年度服务项目对接',
        attendance: [{ residentUnitCode: agreement.unit, present: true }],
        resolutions: ['确定年度共建服务项目清单', '每季度召开一次联席会议'],
      });
    }
  }

  return { ...tally, communities: communities.length, millis: Date.now() - started };
}
