import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { asyncApiDocument, eventMessageId } from './asyncapi-document.js';
import { eventCatalogue } from './event-catalogue.js';

/**
 * Published event versions are frozen: consumers in other services (and outside systems) rely on them.
 * `published-event-schemas.json` records each type and version as first published. Changing a recorded
 * schema fails here; a breaking change is a new version. `JIANFU_RECORD_CONTRACTS=1` records new
 * versions (never rewrites a recorded one) and regenerates docs/asyncapi.json.
 */
const root = new URL('../../../../', import.meta.url);
const publishedFile = new URL('libs/contracts/published-event-schemas.json', root);
const asyncApiFile = new URL('docs/asyncapi.json', root);
const recording = process.env.JIANFU_RECORD_CONTRACTS === '1';

type Published = Record<string, { source: string; aggregateType: string; schema: unknown }>;

function readPublished(): Published {
  return existsSync(publishedFile) ? (JSON.parse(readFileSync(publishedFile, 'utf8')) as Published) : {};
}

function current(): Published {
  return Object.fromEntries(
    eventCatalogue.map((definition) => [
      eventMessageId(definition),
      { source: definition.source, aggregateType: definition.aggregateType, schema: definition.schema },
    ]),
  );
}

describe('published event schemas', () => {
  it('keeps every published version exactly as it was published', () => {
    const published = readPublished();
    const now = current();
    const changed = Object.keys(published).filter(
      (id) => !(id in now) || JSON.stringify(now[id]) !== JSON.stringify(published[id]),
    );
    expect(changed).toEqual([]);
  });

  it('has recorded every version the catalogue defines', () => {
    const published = readPublished();
    const now = current();
    const unrecorded = Object.keys(now).filter((id) => !(id in published));
    if (recording && unrecorded.length > 0) {
      const next = { ...published, ...Object.fromEntries(unrecorded.map((id) => [id, now[id]])) };
      const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(publishedFile, `${JSON.stringify(sorted, null, 2)}\n`);
      return;
    }
    expect(unrecorded).toEqual([]);
  });

  it('ships an AsyncAPI document generated from the catalogue', () => {
    const generated = `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;
    if (recording) writeFileSync(asyncApiFile, generated);
    expect(existsSync(asyncApiFile) ? readFileSync(asyncApiFile, 'utf8') : '').toBe(generated);
  });

  it('resolves every reference inside the AsyncAPI document', () => {
    const document = asyncApiDocument();
    const references = JSON.stringify(document).match(/"\$ref":"#\/[^"]+"/g) ?? [];
    const unresolved = references
      .map((reference) => reference.slice('"$ref":"#/'.length, -1))
      .filter((pointer) => {
        let node: unknown = document;
        for (const key of pointer.split('/')) node = (node as Record<string, unknown> | undefined)?.[key];
        return node === undefined;
      });
    expect(unresolved).toEqual([]);
    const messages = Object.keys((document.components as { messages: object }).messages);
    expect(messages).toHaveLength(eventCatalogue.length);
  });
});
