import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { assertDistrictWide } from '../../district-authority.js';
import { CareersRepository } from '../../persistence/careers.repository.js';
import { SetEstablishmentPlacesCommand } from './set-establishment-places.command.js';

/** Sets how many career-establishment posts (编制) the district has for a step. */
@CommandHandler(SetEstablishmentPlacesCommand)
export class SetEstablishmentPlacesHandler implements ICommandHandler<SetEstablishmentPlacesCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly careers: CareersRepository,
  ) {}

  async execute(command: SetEstablishmentPlacesCommand): Promise<{ places: number; held: number; available: number }> {
    assertDistrictWide(command.actor);
    const districtCode = command.actor.scope.districtCode;
    return this.transactions.run(async (tx) => {
      if (!(await this.careers.step(tx, command.trackCode, command.stepCode))) {
        throw new NotFoundError('career-step', `${command.trackCode}/${command.stepCode}`);
      }
      const place = { districtCode, trackCode: command.trackCode, stepCode: command.stepCode, places: command.places };
      await this.careers.setPlaces(tx, place, command.actor.userId);
      const available = await this.careers.placesAvailable(tx, districtCode, command.trackCode, command.stepCode, true);
      return { places: command.places, held: command.places - available, available };
    });
  }
}
