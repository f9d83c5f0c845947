import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunitiesModule } from '../communities/communities.module.js';
import { PartyOrganisationsController } from './api/party-organisations.controller.js';
import { DecideUpgradeHandler } from './commands/decide-upgrade/decide-upgrade.handler.js';
import { RequestUpgradeHandler } from './commands/request-upgrade/request-upgrade.handler.js';
import { SetMembershipHandler } from './commands/set-membership/set-membership.handler.js';
import { RecordSecretaryWhenSecretaryAppointed } from './events/record-secretary-when-secretary-appointed.handler.js';
import { GetPartyOrganisationHandler } from './queries/get-party-organisation/get-party-organisation.handler.js';
import { PartyOrganisationPresenter } from './queries/get-party-organisation/party-organisation.presenter.js';
import { PartyOrganisationsPersistenceModule } from './persistence/party-organisations-persistence.module.js';
import { PartyOrganisationsReportHandler } from './queries/party-organisations-report/party-organisations-report.handler.js';
import { GetUpgradeRequestHandler } from './queries/get-upgrade-request/get-upgrade-request.handler.js';

@Module({
  imports: [ApprovalActionsModule, CommunitiesModule, PartyOrganisationsPersistenceModule],
  controllers: [PartyOrganisationsController],
  providers: [
    RequestUpgradeHandler,
    DecideUpgradeHandler,
    GetUpgradeRequestHandler,
    SetMembershipHandler,
    GetPartyOrganisationHandler,
    PartyOrganisationsReportHandler,
    PartyOrganisationPresenter,
    RecordSecretaryWhenSecretaryAppointed,
  ],
})
export class PartyOrganisationsModule {}
