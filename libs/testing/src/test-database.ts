import pg from 'pg';
import { currentInfrastructure } from './test-infrastructure.js';

/** A small pool on the test database, for a suite's direct looks into its service's schema. */
export function testDatabase(max = 2): pg.Pool {
  return new pg.Pool({ connectionString: currentInfrastructure().databaseUrl, max });
}
