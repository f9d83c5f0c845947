import { describe, expect, it } from '@jest/globals';
import { assessFacility } from './facility-standard.js';

describe('assessFacility', () => {
  it('meets the standard from the configured area on, counting office and service space together', () => {
    expect(assessFacility(200, 300, 500)).toEqual({
      totalAreaM2: 500,
      standardAreaM2: 500,
      meetsStandard: true,
      shortfallM2: 0,
    });
    expect(assessFacility(200, 299, 500)).toMatchObject({ meetsStandard: false, shortfallM2: 1 });
    expect(assessFacility(200, 150, 300)).toMatchObject({ meetsStandard: true });
  });
});
