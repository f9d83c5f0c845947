import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { educationLevels } from '../../../workers/domain/education.js';
import { PartyOrganisationResponse } from '../../../workers/api/dto/worker.response.js';

const ruleNames = [
  'top-of-track',
  'years-in-rank',
  'recent-annual-grades',
  'certificate',
  'education',
  'party-membership',
  'establishment-places',
  'rule-missing',
];

const promotionStatuses = [
  'in-review',
  'promoted',
  'rejected',
  'returned',
  'withdrawn',
  'expired',
  'refused-at-apply',
  'not-started',
];

/** A rule's value: a number, a code, a flag, a list, an object, or nothing. */
const ruleValue = {
  nullable: true,
  oneOf: [
    { type: 'number' },
    { type: 'string' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class CareerStepResponse {
  @ApiProperty({ example: 'post' })
  trackCode!: string;

  @ApiProperty({ example: 'community-secretary' })
  code!: string;

  @ApiProperty({ example: '社区书记' })
  name!: string;

  @ApiProperty({ type: 'integer', description: '1 is where everyone starts' })
  ordinal!: number;

  @ApiPropertyOptional({ description: 'Reaching the step makes the worker their community’s party secretary' })
  appointsSecretary?: boolean;
}

/** What a worker needs to reach a step, in one district (or the default `*`). */
export class StepRuleResponse {
  @ApiProperty({ example: '350102', description: 'The district, or `*` for the default rule' })
  districtCode!: string;

  @ApiProperty()
  trackCode!: string;

  @ApiProperty()
  stepCode!: string;

  @ApiProperty({ example: 3, description: 'Years in the current step, one decimal' })
  minYearsInRank!: number;

  @ApiProperty({ type: 'integer' })
  recentAnnualGrades!: number;

  @ApiProperty({ enum: ['qualified', 'good', 'excellent'] })
  recentAnnualMinGrade!: string;

  @ApiProperty({ type: [String] })
  requiredCertificates!: string[];

  @ApiProperty({ type: String, enum: educationLevels, nullable: true })
  minEducation!: string | null;

  @ApiProperty()
  requiresPartyMember!: boolean;

  @ApiProperty()
  limitedByPlaces!: boolean;
}

export class CareerTrackStepResponse extends CareerStepResponse {
  @ApiProperty({ type: StepRuleResponse, nullable: true, description: 'The rule in force; null for the first step' })
  rule!: StepRuleResponse | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Free places, when the step is limited by them' })
  placesAvailable!: number | null;
}

/** A career track (双轨: 职务 post, 职称 professional) with its steps and the caller’s district’s rules. */
export class CareerTrackResponse {
  @ApiProperty({ example: 'post' })
  code!: string;

  @ApiProperty({ example: '职务序列' })
  name!: string;

  @ApiProperty({ type: [CareerTrackStepResponse] })
  steps!: CareerTrackStepResponse[];
}

export class EstablishmentPlacesResponse {
  @ApiProperty({ type: 'integer' })
  places!: number;

  @ApiProperty({ type: 'integer', description: 'Places workers hold now' })
  held!: number;

  @ApiProperty({ type: 'integer', description: 'Free places (negative when more hold the step than the places)' })
  available!: number;
}

/** One rule a worker does not meet: its code, what it requires, what the worker has, and the same in Chinese. */
export class UnmetRuleResponse {
  @ApiProperty({ enum: ruleNames })
  rule!: string;

  @ApiProperty({
    ...ruleValue,
    description:
      'What the rule asks: years (years-in-rank), `{count, minGrade}` (recent-annual-grades), a certificate code, ' +
      'an education level, `true` (party-membership), free places (establishment-places), the next step (rule-missing)',
  })
  required!: unknown;

  @ApiProperty({
    ...ruleValue,
    description:
      'What the worker has: years, the recent `[{year, grade}]`, their certificates, their education, `false`, ' +
      'the free places, the current step (top-of-track)',
  })
  actual!: unknown;

  @ApiProperty({ example: '需任社区工作者满3年，现任1.2年', description: 'The same in Chinese prose, for display' })
  message!: string;
}

/** One rule of the next step, evaluated: the same fields as an unmet rule, and whether the worker meets it. */
export class RuleCheckResponse extends UnmetRuleResponse {
  @ApiProperty({ description: 'The worker meets the rule today' })
  met!: boolean;
}

export class TrackStandingResponse {
  @ApiProperty({ example: 'post' })
  trackCode!: string;

  @ApiProperty({ type: CareerStepResponse })
  current!: CareerStepResponse;

  @ApiProperty({ type: CareerStepResponse, nullable: true, description: 'Null at the top of the track' })
  next!: CareerStepResponse | null;

  @ApiProperty({ type: StepRuleResponse, nullable: true })
  rule!: StepRuleResponse | null;

  @ApiProperty({ type: 'integer', nullable: true })
  placesAvailable!: number | null;

  @ApiProperty()
  eligible!: boolean;

  @ApiProperty({
    type: [UnmetRuleResponse],
    description: 'Every rule still missing for the next step; empty when eligible',
  })
  unmet!: UnmetRuleResponse[];

  @ApiProperty({
    type: [RuleCheckResponse],
    description:
      'Every rule of the next step, met or not, in the rule table’s order (one entry per certificate); ' +
      'at the top of the track or without a rule, that one unmet entry',
  })
  checks!: RuleCheckResponse[];
}

export class CareerPathEntryResponse {
  @ApiProperty()
  trackCode!: string;

  @ApiProperty({ description: 'The step reached' })
  step!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  since!: string | null;

  @ApiProperty({ example: 'promoted', description: 'The kind of history entry that moved the worker' })
  how!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** A request to move a worker one step up a track, and its outcome. */
export class PromotionRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty()
  trackCode!: string;

  @ApiProperty()
  fromStep!: string;

  @ApiProperty()
  toStep!: string;

  @ApiProperty({ enum: promotionStatuses })
  status!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  requestedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: Date;

  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;
}

export class CareerResponse {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [CareerPathEntryResponse], description: 'Every step reached, from the record’s history' })
  path!: CareerPathEntryResponse[];

  @ApiProperty({ type: [TrackStandingResponse] })
  tracks!: TrackStandingResponse[];

  @ApiProperty({ type: PartyOrganisationResponse })
  partyOrganisation!: PartyOrganisationResponse;

  @ApiProperty({ type: String, nullable: true, description: 'The secretary post the worker holds, if any' })
  secretaryPost!: string | null;

  @ApiProperty({ type: [PromotionRequestResponse] })
  promotions!: PromotionRequestResponse[];
}

export class PromotionRequestedResponse {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ example: 'promotion-7a1f…' })
  workflowId!: string;

  @ApiProperty({ example: 'community-secretary' })
  toStep!: string;
}
