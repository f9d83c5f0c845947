import { ApiProperty } from '@nestjs/swagger';
import { ballotGrades } from '../../domain/cadre-review-evidence.js';

const results = ['excellent', 'good', 'qualified', 'unqualified'];

export class CadreReviewCycleOpenedResponse {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
}

export class CadreReviewProposedResponse {
  @ApiProperty() workflowId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
}

export class EvidenceRecordedResponse {
  @ApiProperty({ enum: ['meeting', 'ballot', 'field-visit', 'household-survey', 'questionnaire'] })
  recorded!: string;
  @ApiProperty({ required: false, description: 'A ballot’s id' }) id?: string;
  @ApiProperty({ type: String, nullable: true, required: false, description: 'The ballot this one superseded' })
  supersedes?: string | null;
}

export class MeetingResponse {
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty({ type: [String] }) attendees!: string[];
}

export class QuestionnaireResponse {
  @ApiProperty({ type: 'integer' }) sampleSize!: number;
  @ApiProperty({ type: 'integer' }) satisfied!: number;
  @ApiProperty({ type: 'integer' }) basicallySatisfied!: number;
}

export class CadreScoresResponse {
  @ApiProperty({ type: 'integer' }) debriefingScore!: number;
  @ApiProperty({ type: 'integer' }) fieldVisitScore!: number;
  @ApiProperty({ type: 'integer' }) householdSurveyScore!: number;
  @ApiProperty({ type: 'integer' }) residentSatisfaction!: number;
}

export class CadreStandingResponse {
  @ApiProperty({ format: 'uuid' }) workerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: MeetingResponse, nullable: true }) meeting!: MeetingResponse | null;
  @ApiProperty({ type: [String], enum: ballotGrades, description: 'Standing ballots (corrections applied)' })
  ballots!: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } } }) visits!: number[][];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } } }) households!: number[][];
  @ApiProperty({ type: QuestionnaireResponse, nullable: true }) questionnaire!: QuestionnaireResponse | null;
  @ApiProperty({ type: CadreScoresResponse, nullable: true }) scores!: CadreScoresResponse | null;
  @ApiProperty({ type: Number, nullable: true }) composite!: number | null;
  @ApiProperty({ type: String, enum: results, nullable: true }) result!: string | null;
}

export class CadreReviewCycleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty() streetCode!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: ['collecting', 'proposed', 'approved'] }) status!: string;
  @ApiProperty({ type: 'integer', description: 'How many times results were proposed' }) round!: number;
  @ApiProperty({ type: 'integer', description: 'The district’s cadre-review policy version the results use' })
  policyVersion!: number;
  @ApiProperty({ type: [CadreStandingResponse] }) cadres!: CadreStandingResponse[];
}

export class SatisfactionCountsResponse {
  @ApiProperty() streetCode!: string;
  @ApiProperty({ type: 'integer' }) sampleSize!: number;
  @ApiProperty({ type: 'integer' }) satisfied!: number;
  @ApiProperty({ type: 'integer' }) basicallySatisfied!: number;
  @ApiProperty({ type: 'integer' }) dissatisfied!: number;
  @ApiProperty({ description: '(satisfied + basically satisfied) / sample, percent' }) satisfactionPercent!: number;
}

export class CommunitySatisfactionResponse extends SatisfactionCountsResponse {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
}

export class ResidentSatisfactionResponse {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [CommunitySatisfactionResponse] }) communities!: CommunitySatisfactionResponse[];
  @ApiProperty({ type: [SatisfactionCountsResponse] }) streets!: SatisfactionCountsResponse[];
}
