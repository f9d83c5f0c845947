import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { DepartmentsRepository } from '../../../departments/persistence/departments.repository.js';
import { OpinionErrors } from '../../domain/opinions.errors.js';
import { type LinkedMemberView, OpinionsRepository } from '../../persistence/opinions.repository.js';
import { LinkMemberCommand } from './link-member.command.js';

/** Records that an agency's in-service party member (机关在职党员) is linked to a community (挂钩社区). */
@CommandHandler(LinkMemberCommand)
export class LinkMemberHandler implements ICommandHandler<LinkMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly departments: DepartmentsRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  async execute(command: LinkMemberCommand): Promise<LinkedMemberView> {
    const { member, actor } = command;
    return this.transactions.run(async (tx) => {
      const department = await this.departments.find(tx, member.departmentId);
      if (!department || department.districtCode !== actor.scope.districtCode) {
        throw DomainError.of(OpinionErrors['department.not-found'], `department ${member.departmentId} does not exist`);
      }
      const community = await this.units.findCommunity(tx, member.communityId);
      if (!community || !reachesCommunity(actor, { ...community, communityId: community.id })) {
        throw new NotFoundError('community', member.communityId);
      }
      const linked = { id: randomUUID(), ...member };
      const inserted = await this.opinions.insertLinkedMember(tx, {
        ...linked,
        districtCode: community.districtCode,
        recordedBy: actor.userId,
      });
      if (!inserted) {
        throw DomainError.of(
          OpinionErrors['linked-member.duplicate'],
          `${member.personName} is already linked to ${community.name}`,
        );
      }
      return linked;
    });
  }
}
