import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestValidationError } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { type CatalogueItem, catalogueFromCsv } from '../../domain/catalogue-item.js';
import { ProposeCatalogueVersionCommand } from '../propose-catalogue-version/propose-catalogue-version.command.js';
import { ImportCatalogueVersionCommand } from './import-catalogue-version.command.js';

/** Reads the file's items and proposes them as `POST /catalogue/proposals` would, with the same validation. */
@CommandHandler(ImportCatalogueVersionCommand)
export class ImportCatalogueVersionHandler implements ICommandHandler<ImportCatalogueVersionCommand> {
  constructor(private readonly commands: CommandBus) {}

  execute({ actor, format, content, note }: ImportCatalogueVersionCommand): Promise<VersionProposal<CatalogueItem>> {
    return this.commands.execute(new ProposeCatalogueVersionCommand(actor, itemsOf(format, content), note));
  }
}

function itemsOf(format: 'csv' | 'json', content: string): unknown[] {
  if (format === 'csv') {
    const { items, problems } = catalogueFromCsv(content);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return items;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new RequestValidationError([{ field: 'content', rule: 'isJson', message: 'content is not valid JSON' }]);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items)) {
    throw new RequestValidationError([
      { field: 'content', rule: 'isArray', message: 'JSON content must be an array of items or { items: [...] }' },
    ]);
  }
  return items as unknown[];
}
