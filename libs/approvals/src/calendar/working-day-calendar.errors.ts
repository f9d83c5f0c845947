import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the working-day calendar's routes (national arrangements and a district's own days). */
export const WorkingDayCalendarErrors = defineErrorCodes({
  'working-day-calendar.day-both-holiday-and-workday': {
    status: 422,
    description: 'A day is listed both as a holiday and as a make-up workday; the message names the day',
  },
  'working-day-calendar.day-listed-twice': { status: 422, description: 'A day is listed twice in one list' },
  'working-day-calendar.date-outside-year': {
    status: 422,
    description: 'A day of the arrangement is not a real date of the year it is loaded for',
  },
  'working-day-calendar.workday-not-on-weekend': {
    status: 422,
    description: 'A make-up workday (调休上班) must fall on a Saturday or Sunday',
  },
  'working-day-calendar.no-holidays': { status: 422, description: 'An arrangement names at least one holiday' },
  'working-day-calendar.year-already-published': {
    status: 409,
    description: 'The year already has a different published arrangement; a published year never changes',
  },
  'working-day-calendar.other-district': {
    status: 403,
    description: "Only the district's own administrators keep its extra days",
  },
});
