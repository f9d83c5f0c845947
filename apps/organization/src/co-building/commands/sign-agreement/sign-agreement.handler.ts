import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgreementSigned } from '@jianfu/contracts';
import { DomainError, EventPublisher, TransactionRunner } from '@jianfu/platform';
import { activeCommunityByCode } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { assertAgreementTerms } from '../../domain/agreement-term.js';
import { residentUnitInDistrict } from '../../domain/resident-unit-scope.js';
import { type AgreementView, CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { SignAgreementCommand } from './sign-agreement.command.js';
import { CoBuildingErrors } from '../../domain/co-building.errors.js';

/**
 * Records a co-building agreement (共驻共建协议) between a community and a resident unit, with the
 * service projects each side commits to, and announces it (finance books co-building support by it).
 */
@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: SignAgreementCommand): Promise<AgreementView> {
    assertAgreementTerms(command.startsOn, command.endsOn, command.projects);
    const agreementId = randomUUID();
    return this.transactions.run(async (tx) => {
      const community = await activeCommunityByCode(
        this.units,
        tx,
        command.communityCode,
        command.actor,
        'communityCode',
      );
      const unit = residentUnitInDistrict(
        await this.coBuilding.findUnitByCode(tx, command.residentUnitCode),
        command.residentUnitCode,
        command.actor,
      );
      const overlapping = await this.coBuilding.overlappingAgreement(
        tx,
        community.id,
        unit.id,
        command.startsOn,
        command.endsOn,
      );
      if (overlapping) {
        throw DomainError.of(
          CoBuildingErrors['agreement.overlapping'],
          `${community.name} and ${unit.name} already have agreement ${overlapping} for part of this term`,
        );
      }
      const inserted = await this.coBuilding.insertAgreement(tx, {
        id: agreementId,
        code: command.code,
        communityId: community.id,
        residentUnitId: unit.id,
        startsOn: command.startsOn,
        endsOn: command.endsOn,
        signedBy: command.actor.userId,
      });
      if (!inserted) {
        throw DomainError.of(
          CoBuildingErrors['agreement.code-taken'],
          `An agreement with code ${command.code} already exists`,
          {
            field: 'code',
          },
        );
      }
      await this.coBuilding.insertProjects(
        tx,
        agreementId,
        command.projects.map((project) => ({ ...project, id: randomUUID() })),
      );
      await this.events.publish(tx, AgreementSigned, {
        aggregateId: agreementId,
        payload: {
          agreementId,
          code: command.code,
          communityId: community.id,
          residentUnitId: unit.id,
          residentUnitName: unit.name,
          startsOn: command.startsOn,
          endsOn: command.endsOn,
          projectCount: command.projects.length,
        },
      });
      return (await this.coBuilding.findAgreement(tx, agreementId))!;
    });
  }
}
