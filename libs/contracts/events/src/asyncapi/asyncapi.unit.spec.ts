import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildAsyncApiDocument, messageId } from './asyncapi';
import type { JsonSchema } from '../json-schema';
import { validateEvent } from '../validate';
import { ASYNCAPI_FILE, renderAsyncApiYaml, renderEventSchemas, SCHEMAS_DIR } from './render';
import { allEventDefinitions, TOPICS } from '../topics';

const STALE = 'docs/events is stale: run npm run docs:events';

describe('AsyncAPI document', () => {
  it('parses with @asyncapi/parser without errors and describes every topic and event', async () => {
    const { document, diagnostics } = await new Parser().parse(renderAsyncApiYaml());
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    expect(document).toBeDefined();
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.address()),
    ).toEqual([...TOPICS.map((t) => t.name), '{topic}.dlq.{consumer}']);
    expect(document!.messages().length).toBe(allEventDefinitions.length + 1);
    expect(
      document!
        .operations()
        .all()
        .every((o) => o.action() === 'send'),
    ).toBe(true);
  });

  it('carries Kafka bindings for topics and message keys', () => {
    const doc = buildAsyncApiDocument() as {
      channels: Record<string, { bindings: { kafka: Record<string, unknown> } }>;
      components: {
        messages: Record<string, { bindings: { kafka: { key: unknown } }; payload: { $id: string } }>;
      };
    };
    expect(doc.channels['ticket']!.bindings.kafka).toMatchObject({
      topic: 'opsgraph.ticket.events.v1',
      partitions: 6,
      replicas: 1,
      topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': -1 },
    });
    const resolved = doc.components.messages['ticket.resolved.v1']!;
    expect(resolved.bindings.kafka.key).toEqual({
      type: 'string',
      format: 'uuid',
      description: 'The aggregateId.',
    });
    expect(resolved.payload.$id).toBe('https://opsgraph.dev/events/ticket.resolved/v1.json');
  });

  it('has a complete example per event that its published payload schema accepts, and documents the DLQ', () => {
    const doc = buildAsyncApiDocument() as {
      channels: Record<string, { address: string; parameters?: Record<string, unknown> }>;
      components: {
        messages: Record<
          string,
          { payload: JsonSchema; examples?: { headers: unknown; payload: unknown }[] }
        >;
      };
    };
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    for (const definition of allEventDefinitions) {
      const message = doc.components.messages[messageId(definition)]!;
      expect(message.examples).toHaveLength(1);
      const [example] = message.examples!;
      const validate = ajv.compile(message.payload);
      expect({
        event: messageId(definition),
        valid: validate(example!.payload),
        errors: validate.errors ?? null,
      }).toEqual({
        event: messageId(definition),
        valid: true,
        errors: null,
      });
      expect(validateEvent(example!.payload).ok).toBe(true);
      expect(example!.headers).toMatchObject({
        'event-type': definition.type,
        traceparent: expect.stringMatching(/^00-/),
      });
    }
    expect(doc.channels['deadLetters']).toMatchObject({ address: '{topic}.dlq.{consumer}' });
    expect(doc.components.messages['deadLetter']).toBeDefined();
  });

  it('committed docs/events/asyncapi.yaml equals a fresh generation', () => {
    expect(existsSync(ASYNCAPI_FILE)).toBe(true);
    expect({
      file: ASYNCAPI_FILE,
      upToDate: readFileSync(ASYNCAPI_FILE, 'utf8') === renderAsyncApiYaml(),
      hint: STALE,
    }).toEqual({ file: ASYNCAPI_FILE, upToDate: true, hint: STALE });
  });

  // Compared as JSON (not text) so `npm run format` may reformat the files.
  it('committed docs/events/schemas equal a fresh generation', () => {
    const fresh = renderEventSchemas();
    expect({ files: readdirSync(SCHEMAS_DIR).sort(), hint: STALE }).toEqual({
      files: [...fresh.keys()].sort(),
      hint: STALE,
    });
    for (const [file, text] of fresh) {
      const committed: unknown = JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8'));
      expect({ file, schema: committed, hint: STALE }).toEqual({
        file,
        schema: JSON.parse(text),
        hint: STALE,
      });
    }
  });
});
