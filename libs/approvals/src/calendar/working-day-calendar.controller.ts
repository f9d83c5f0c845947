import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  DomainError,
  type Page,
  type Principal,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import { WorkingDayCalendarErrors } from './working-day-calendar.errors.js';
import { WorkingDayCalendarRepository } from './working-day-calendar.repository.js';
import {
  CalendarYearParams,
  DistrictCalendarDayParams,
  DistrictCalendarDaysQuery,
  DistrictCalendarParams,
  LoadCalendarYearRequest,
  SetDistrictCalendarDayRequest,
} from './working-day-calendar.request.js';
import {
  DistrictCalendarDayResponse,
  toDistrictCalendarDayResponse,
  toWorkingDayCalendarYearResponse,
  WorkingDayCalendarYearResponse,
} from './working-day-calendar.response.js';
import { loadCalendarYear, readCalendarYear } from './working-day-calendar.use-cases.js';

const E = WorkingDayCalendarErrors;

/** The working-day calendar deadlines count by, kept in this service's schema. */
@ApiTags('working-day-calendar')
@ApiBearerAuth()
@Controller('working-day-calendar')
export class WorkingDayCalendarController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly calendar: WorkingDayCalendarRepository,
  ) {}

  @Get('years/:year')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: "A year's holidays and make-up workdays, and whether its arrangement is published" })
  @ApiOkResponse({ type: WorkingDayCalendarYearResponse })
  async year(@Param() params: CalendarYearParams): Promise<WorkingDayCalendarYearResponse> {
    return toWorkingDayCalendarYearResponse(
      await readCalendarYear(this.transactions.reader, this.calendar, params.year),
    );
  }

  @Put('years/:year')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary: "Load a year's arrangement as the State Council published it; the same days again have no effect",
  })
  @ApiProblems(
    E['working-day-calendar.day-both-holiday-and-workday'],
    E['working-day-calendar.day-listed-twice'],
    E['working-day-calendar.date-outside-year'],
    E['working-day-calendar.workday-not-on-weekend'],
    E['working-day-calendar.no-holidays'],
    E['working-day-calendar.year-already-published'],
  )
  @ApiOkResponse({ type: WorkingDayCalendarYearResponse })
  async load(
    @Param() params: CalendarYearParams,
    @Body() body: LoadCalendarYearRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<WorkingDayCalendarYearResponse> {
    const loaded = await this.transactions.run((tx) =>
      loadCalendarYear(
        tx,
        this.calendar,
        { year: params.year, source: body.source, holidays: body.holidays, workdays: body.workdays },
        actor.userId,
      ),
    );
    return toWorkingDayCalendarYearResponse(loaded);
  }

  @Get('districts/:districtCode/days')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: "A district's own days off or worked beyond the national arrangement" })
  @ApiPageResponse(DistrictCalendarDayResponse)
  async districtDays(
    @Param() params: DistrictCalendarParams,
    @Query() query: DistrictCalendarDaysQuery,
  ): Promise<Page<DistrictCalendarDayResponse>> {
    const page = await this.calendar.districtDays(this.transactions.reader, params.districtCode, {
      from: `${query.year ?? 2000}-01-01`,
      to: `${query.year ?? 2100}-12-31`,
      offset: query.offset,
      limit: query.limit,
    });
    return toPage(page.items.map(toDistrictCalendarDayResponse), page.total, query);
  }

  @Put('districts/:districtCode/days/:date')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: "Set one of the district's own days (off or worked); setting it again replaces it" })
  @ApiProblems(E['working-day-calendar.other-district'])
  @ApiOkResponse({ type: DistrictCalendarDayResponse })
  async setDistrictDay(
    @Param() params: DistrictCalendarDayParams,
    @Body() body: SetDistrictCalendarDayRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<DistrictCalendarDayResponse> {
    if (actor.scope.districtCode !== params.districtCode) {
      throw DomainError.of(
        E['working-day-calendar.other-district'],
        `District ${params.districtCode} is not the caller's (${actor.scope.districtCode})`,
      );
    }
    const day = await this.transactions.run((tx) =>
      this.calendar.setDistrictDay(tx, {
        districtCode: params.districtCode,
        date: params.date,
        kind: body.kind,
        name: body.name,
        setBy: actor.userId,
      }),
    );
    return toDistrictCalendarDayResponse(day);
  }
}
