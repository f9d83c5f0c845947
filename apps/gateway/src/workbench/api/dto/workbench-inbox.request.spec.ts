import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WorkbenchInboxQuery } from './workbench-inbox.request.js';

const problems = (query: Record<string, string>) =>
  validateSync(plainToInstance(WorkbenchInboxQuery, query), { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );

describe('the workbench inbox query', () => {
  it('takes a view, paging within the merge depth, overdue and a search', () => {
    expect(problems({ view: 'done', offset: '40', limit: '20', overdue: 'true', q: '养老' })).toEqual([]);
  });

  it('names the view and an offset past the merge depth', () => {
    expect(problems({ view: 'later', offset: '480', limit: '50' }).sort()).toEqual(['offset', 'view']);
  });
});
