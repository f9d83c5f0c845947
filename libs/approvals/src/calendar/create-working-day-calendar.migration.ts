import type { MigrationInterface, QueryRunner } from 'typeorm';
import { packagedYears, publishedArrangementFromPackage } from './chinese-days-source.js';

/**
 * The working-day calendar as data in the service's schema: the national arrangement of each year
 * (holidays and make-up workdays, seeded from the pinned `chinese-days` package, later years loaded through
 * the API), a district's own extra days, and the flag on an inbox item whose deadline was computed without
 * its year's arrangement.
 */
export class CreateWorkingDayCalendar1763700000680 implements MigrationInterface {
  name = 'CreateWorkingDayCalendar1763700000680';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE working_day_calendar_year (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        source text NOT NULL,
        loaded_by text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE working_day_calendar_day (
        day date PRIMARY KEY,
        year integer NOT NULL REFERENCES working_day_calendar_year (year),
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text NOT NULL,
        CHECK (extract(year FROM day) = year)
      )`);
    await queryRunner.query(`
      CREATE TABLE district_calendar_day (
        district_code text NOT NULL,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, day)
      )`);
    await queryRunner.query(
      'ALTER TABLE approval_inbox_item ADD COLUMN calendar_provisional boolean NOT NULL DEFAULT false',
    );
    for (const year of packagedYears(2024, 2030)) {
      const arrangement = publishedArrangementFromPackage(year)!;
      await queryRunner.query(
        `INSERT INTO working_day_calendar_year (year, source, loaded_by) VALUES ($1, $2, 'seed')`,
        [year, arrangement.source],
      );
      for (const [kind, days] of [
        ['holiday', arrangement.holidays],
        ['workday', arrangement.workdays],
      ] as const) {
        await queryRunner.query(
          `INSERT INTO working_day_calendar_day (day, year, kind, name)
           SELECT d::date, $1, $2, n FROM unnest($3::text[], $4::text[]) AS t(d, n)`,
          [year, kind, days.map((day) => day.date), days.map((day) => day.name)],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE approval_inbox_item DROP COLUMN calendar_provisional');
    await queryRunner.query('DROP TABLE district_calendar_day');
    await queryRunner.query('DROP TABLE working_day_calendar_day');
    await queryRunner.query('DROP TABLE working_day_calendar_year');
  }
}
