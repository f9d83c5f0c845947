import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BallotGrade } from '../../domain/cadre-review-evidence.js';

/** One piece of a cadre's evidence in a cycle; each kind has its own rules (see the handler). */
export type CadreEvidenceInput =
  | { kind: 'meeting'; heldOn: string; attendees: string[] }
  | { kind: 'ballot'; voterId: string; grade: BallotGrade }
  | { kind: 'field-visit'; visitedOn: string; checklist: { item: string; score: number }[]; notes: string }
  | { kind: 'household-survey'; householdId: string; answers: number[] }
  | { kind: 'questionnaire'; sampleSize: number; satisfied: number; basicallySatisfied: number; dissatisfied: number };

export class RecordEvidenceCommand extends Command<{ recorded: string; id?: string; supersedes?: string | null }> {
  constructor(
    readonly cycleId: string,
    readonly workerId: string,
    readonly evidence: CadreEvidenceInput,
    readonly actor: Principal,
  ) {
    super();
  }
}
