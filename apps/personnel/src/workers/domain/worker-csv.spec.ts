import { describe, expect, it } from '@jest/globals';
import { parseCsvRecords, readWorkerCsv } from './worker-csv.js';

const header = 'employeeNo,name,communityCode,postStep,postSince,titleStep,titleSince,education,partyMember,hireDate';

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsvRecords('a,"b,c","say ""hi""","two\nlines"\r\nx,y,z,w\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', 'y', 'z', 'w'],
    ]);
  });

  it('ignores a byte-order mark and blank lines', () => {
    expect(parseCsvRecords('\uFEFFa,b\n\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('readWorkerCsv', () => {
  it('reads good lines into rows', () => {
    const { rows, problems } = readWorkerCsv(
      `${header}\nW-1,林一,C-1,community-worker,2020-01-01,untitled,2020-01-01,bachelor,是,2020-01-01`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        employeeNo: 'W-1',
        partyMember: true,
        education: 'bachelor',
        certificates: [],
      }),
    ]);
  });

  it('reports a missing column before looking at lines', () => {
    const { problems } = readWorkerCsv('employeeNo,name\nW-1,林一');
    expect(problems.map((problem) => problem.rule)).toContain('column-missing');
  });

  it('reports every bad field with its line', () => {
    const { problems } = readWorkerCsv(
      [
        header,
        'W-1,,C-1,community-worker,2020-02-30,untitled,2020-01-01,college,x,2020-01-01',
        'W-1,林二,C-1,community-worker,2020-01-01,untitled,2020-01-01,bachelor,否,2020-01-01',
        'W-3,林三',
      ].join('\n'),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'line 2.name',
      'line 2.postSince',
      'line 2.education',
      'line 2.partyMember',
      'line 3.employeeNo',
      'line 4.*',
    ]);
  });
});
