import { describe, expect, it } from '@jest/globals';
import { workingDaysUntil } from './working-days';

describe('workingDaysUntil', () => {
  const friday = new Date(2027, 0, 8, 10);

  it('counts weekdays to the deadline, weekends off', () => {
    expect(workingDaysUntil(new Date(2027, 0, 12, 18), friday)).toBe(2);
    expect(workingDaysUntil(new Date(2027, 0, 8, 18), friday)).toBe(0);
  });

  it('is negative once the deadline passed', () => {
    expect(workingDaysUntil(new Date(2027, 0, 8, 9), friday)).toBe(-1);
    expect(workingDaysUntil(new Date(2027, 0, 6, 9), friday)).toBe(-2);
  });
});
