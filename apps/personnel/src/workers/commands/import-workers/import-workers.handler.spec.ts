import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { RequestValidationError, Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { ImportWorkersCommand } from './import-workers.command.js';
import { ImportWorkersHandler } from './import-workers.handler.js';

const header =
  'employeeNo,name,communityCode,postStep,postSince,titleStep,titleSince,education,partyMember,hireDate,certificates';
const line = (employeeNo: string, communityCode: string, postStep = 'P1', titleStep = 'T1') =>
  `${employeeNo},工作者${employeeNo},${communityCode},${postStep},2020-01-01,${titleStep},2020-01-01,bachelor,是,2020-01-01,B;A;B`;

describe('ImportWorkersHandler', () => {
  let fakes: PersonnelFakes;
  let handler: ImportWorkersHandler;
  let streetOfficial: ReturnType<typeof principal>;

  beforeEach(() => {
    fakes = personnelFakes();
    fakes.directory.add('C01', 'S01', fakes.districtCode);
    fakes.directory.add('C02', 'S01', fakes.districtCode);
    fakes.directory.add('C03', 'S02', fakes.districtCode);
    streetOfficial = principal([Roles.HrOfficer], { streetCodes: ['S01'] });
    handler = new ImportWorkersHandler(fakes.transactions, fakes.communities, fakes.steps, fakes.workers);
  });

  it('imports every line, each with an imported history entry and its certificates made unique', async () => {
    const { imported, workerIds } = await handler.execute(
      new ImportWorkersCommand(
        { csv: [header, line('W-1', 'C01'), line('W-2', 'C02', 'P2', 'T2')].join('\n') },
        '批量建档',
        streetOfficial,
      ),
    );

    expect(imported).toBe(2);
    const stored = workerIds.map((id) => fakes.workers.state.workers.get(id)!);
    expect(stored.map((worker) => [worker.employeeNo, worker.postStep, worker.streetCode])).toEqual([
      ['W-1', 'P1', 'S01'],
      ['W-2', 'P2', 'S01'],
    ]);
    expect(stored[0].certificates).toEqual(['A', 'B']);
    expect(workerIds.flatMap((id) => fakes.workers.historyOf(id).map((entry) => entry.kind))).toEqual([
      'imported',
      'imported',
    ]);
  });

  it('refuses the whole file with one problem per line and column, importing nothing', async () => {
    fakes.workers.seed({
      id: randomUUID(),
      employeeNo: 'W-OLD',
      communityId: randomUUID(),
      streetCode: 'S01',
      districtCode: fakes.districtCode,
    });
    const csv = [header, line('W-1', 'C01'), line('W-2', 'C03'), line('W-3', 'C01', 'T1'), line('W-OLD', 'C01')];

    await expect(
      handler.execute(new ImportWorkersCommand({ csv: csv.join('\n') }, '', streetOfficial)),
    ).rejects.toMatchObject({
      fieldProblems: [
        expect.objectContaining({ field: 'line 3.communityCode', rule: 'community' }),
        expect.objectContaining({ field: 'line 4.postStep', rule: 'step' }),
        expect.objectContaining({ field: 'line 5.employeeNo', rule: 'unique' }),
      ],
    });
    expect(fakes.workers.state.workers.size).toBe(1);
  });

  it('refuses a malformed file before looking anything up', async () => {
    await expect(
      handler.execute(new ImportWorkersCommand({ csv: `${header}\nW-1,林一,C01` }, '', streetOfficial)),
    ).rejects.toBeInstanceOf(RequestValidationError);
    expect(fakes.transactions.committed + fakes.transactions.rolledBack).toBe(0);
  });
});
