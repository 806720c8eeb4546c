import type { IncomingMessage, ServerResponse } from 'node:http';
import { register } from 'node:module';
import { trace, type Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import type { Config } from './config.js';

/**
 * OpenTelemetry traces of HTTP requests, Express, GraphQL (parse, validate,
 * resolvers) and pg statements, sent over OTLP/HTTP in JSON. index.ts loads
 * this module only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and before it
 * loads the app: the instrumentations patch express, pg and graphql as they
 * are first imported, so they must be in place first.
 */

/** The attribute each span carries: the request id of the HTTP request it serves (src/http/requestId.ts). */
export const REQUEST_ID_ATTRIBUTE = 'http.request_id';

/**
 * Gives every span of a request the request id. The HTTP server span starts
 * before the app has chosen the id, so spans remember their request when they
 * start and read the id from its response header (X-Request-Id, set first
 * thing by the app) when they end.
 */
class RequestIdSpanProcessor implements SpanProcessor {
  /** Express keeps the response on the request (req.res). */
  private readonly requests = new WeakMap<object, IncomingMessage & { res?: ServerResponse }>();

  /** The HTTP instrumentation hands over each incoming request with its server span. */
  track(span: object, request: IncomingMessage): void {
    this.requests.set(span, request);
  }

  onStart(span: Span, parentContext: Context): void {
    const parent = trace.getSpan(parentContext);
    const request = parent && this.requests.get(parent);
    if (request) this.requests.set(span, request);
  }

  onEnding(span: Span): void {
    const response = this.requests.get(span)?.res;
    const id = response?.getHeader('x-request-id');
    if (typeof id === 'string') span.setAttribute(REQUEST_ID_ATTRIBUTE, id);
  }

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface Tracing {
  /** Sends the spans not yet sent, then stops. */
  shutdown(): Promise<void>;
}

export async function startTracing(config: NonNullable<Config['tracing']>): Promise<Tracing> {
  // ES modules are patched through a loader hook, limited to the modules the
  // instrumentations ask for (the rest of the app loads as usual).
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, registerOptions);

  const requestIds = new RequestIdSpanProcessor();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [
      requestIds,
      new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL('v1/traces', `${config.endpoint.replace(/\/$/u, '')}/`).toString() })),
    ],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        requestHook: (span, request) => {
          if (!('setHeader' in request)) requestIds.track(span, request);
        },
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ mergeItems: true }),
      new PgInstrumentation(),
    ],
  });
  await waitForAllMessagesAcknowledged();
  return { shutdown: () => provider.shutdown() };
}
