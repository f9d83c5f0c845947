import { describe, expect, it } from '@jest/globals';
import { compareInboxItems, type WorkbenchInboxItem } from './merge-inbox.js';

const item = (over: Partial<WorkbenchInboxItem>): WorkbenchInboxItem => ({
  service: 'admission',
  workflowId: 'w',
  stepId: 'step',
  slotId: 's',
  title: '入户调查',
  stepName: '街道审核',
  deadlineAt: null,
  openedAt: '2027-03-01T00:00:00Z',
  closedAt: null,
  ...over,
});

describe('merging the services’ inboxes', () => {
  it('orders to-dos by deadline, overdue first, those without a deadline last', () => {
    const items = [
      item({ workflowId: 'none' }),
      item({ workflowId: 'later', deadlineAt: '2027-03-20T00:00:00Z' }),
      item({ workflowId: 'overdue', deadlineAt: '2027-02-01T00:00:00Z', service: 'finance' }),
    ];
    expect(items.sort(compareInboxItems('todo')).map((entry) => entry.workflowId)).toEqual([
      'overdue',
      'later',
      'none',
    ]);
  });

  it('orders done items by decision and copies by arrival, newest first', () => {
    const done = [
      item({ workflowId: 'old', closedAt: '2027-03-01T00:00:00Z' }),
      item({ workflowId: 'new', closedAt: '2027-03-05T00:00:00Z', service: 'personnel' }),
    ];
    expect(done.sort(compareInboxItems('done')).map((entry) => entry.workflowId)).toEqual(['new', 'old']);
    const copies = [
      item({ workflowId: 'old', openedAt: '2027-03-01T00:00:00Z' }),
      item({ workflowId: 'new', openedAt: '2027-03-05T00:00:00Z', service: 'finance' }),
    ];
    expect(copies.sort(compareInboxItems('cc')).map((entry) => entry.workflowId)).toEqual(['new', 'old']);
  });
});
