import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SecretaryAppointed, SecretaryChanged } from '@jianfu/contracts';
import { EventConsumer, EventPublisher } from '@jianfu/platform';
import { PartyOrganisationsRepository } from '../persistence/party-organisations.repository.js';

/**
 * Personnel appoints secretaries; this service records the secretary on the community's party
 * organisation and announces the change. An appointment older than the recorded one is ignored, so
 * events arriving out of order or again leave the latest secretary in place.
 */
@Injectable()
export class RecordSecretaryWhenSecretaryAppointed implements OnModuleInit {
  private readonly logger = new Logger(RecordSecretaryWhenSecretaryAppointed.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.consumer.on(SecretaryAppointed, async (event, tx) => {
      const { communityId, workerId, name, appointedAt } = event.payload;
      const organisation = await this.partyOrganisations.findForUpdate(tx, communityId);
      if (!organisation) {
        this.logger.warn(
          { communityId, eventId: event.id },
          'Secretary appointed to a community this service does not know',
        );
        return;
      }
      const appointed = new Date(appointedAt);
      if (organisation.secretaryAppointedAt && organisation.secretaryAppointedAt > appointed) return;
      if (organisation.secretaryWorkerId === workerId && organisation.secretaryName === name) return;
      await this.partyOrganisations.setSecretary(tx, communityId, { workerId, name, appointedAt: appointed });
      await this.events.publish(tx, SecretaryChanged, {
        aggregateId: communityId,
        causationId: event.id,
        correlationId: event.correlationId,
        payload: {
          communityId,
          workerId,
          name,
          appointedAt,
          ...(organisation.secretaryWorkerId && organisation.secretaryWorkerId !== workerId
            ? { previousWorkerId: organisation.secretaryWorkerId }
            : {}),
        },
      });
    });
  }
}
