import { describe, expect, it } from '@jest/globals';
import { LatestEtags } from './latest-etags';

describe('LatestEtags', () => {
  it('finds the tag of a read by its URL, absolute as the API client sends it or relative as a page names it', () => {
    const etags = new LatestEtags();
    etags.record('http://localhost:4200/api/admission/communities/c-1/tasks?offset=0&limit=100', 'W/"a"');
    expect(etags.of('/api/admission/communities/c-1/tasks?limit=100&offset=0')).toBe('W/"a"');
    expect(etags.of('/api/admission/communities/c-2/tasks?limit=100&offset=0')).toBeNull();
    expect(etags.of('/api/admission/communities/c-1/tasks?offset=100&limit=100')).toBeNull();
  });

  it('keeps the latest tag, and an answer without one leaves the last known in place', () => {
    const etags = new LatestEtags();
    etags.record('/api/finance/task-fund-transfers/t-1', 'W/"a"');
    etags.record('/api/finance/task-fund-transfers/t-1', 'W/"b"');
    etags.record('/api/finance/task-fund-transfers/t-1', null);
    expect(etags.of('/api/finance/task-fund-transfers/t-1')).toBe('W/"b"');
  });

  it('forgets the resource read longest ago once it holds its limit', () => {
    const etags = new LatestEtags(2);
    etags.record('/api/admission/submissions/s-1', 'W/"1"');
    etags.record('/api/admission/submissions/s-2', 'W/"2"');
    etags.record('/api/admission/submissions/s-1', 'W/"1b"');
    etags.record('/api/admission/submissions/s-3', 'W/"3"');
    expect(etags.of('/api/admission/submissions/s-2')).toBeNull();
    expect(etags.of('/api/admission/submissions/s-1')).toBe('W/"1b"');
    expect(etags.of('/api/admission/submissions/s-3')).toBe('W/"3"');
  });
});
