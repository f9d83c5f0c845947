import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { MeetingSummonsView } from '../../domain/meeting-summons.js';

export interface SummonMeetingInput {
  title: string;
  date: string;
  hours: number;
  mode: 'on-site' | 'online';
  attendeesPerCommunity: number;
  basis: string;
  communityIds: string[];
}

/** A department summons communities to a meeting (会议通知). */
export class SummonMeetingCommand extends Command<MeetingSummonsView> {
  constructor(
    readonly actor: Principal,
    readonly input: SummonMeetingInput,
  ) {
    super();
  }
}
