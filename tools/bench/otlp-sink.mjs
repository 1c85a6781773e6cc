// A stand-in OTLP/HTTP collector for measuring tracing's cost: accepts POST /v1/traces (JSON or
// protobuf), answers 200, and counts requests, bytes and (for JSON) spans per service. Prints the
// counts on SIGINT/SIGTERM.
//
//   node tools/bench/otlp-sink.mjs [--port 4318]
//   OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 node tools/bench/orders.mjs --seconds 10
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '4318' } } });
const counts = { requests: 0, bytes: 0, spans: {} };

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    counts.requests++;
    counts.bytes += body.length;
    if (String(req.headers['content-type']).includes('json')) {
      try {
        for (const rs of JSON.parse(body.toString('utf8')).resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value?.stringValue ?? '?';
          const n = (rs.scopeSpans ?? []).reduce((sum, ss) => sum + (ss.spans?.length ?? 0), 0);
          counts.spans[service] = (counts.spans[service] ?? 0) + n;
        }
      } catch {
        // counted as bytes only
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.listen(Number(args.port), '127.0.0.1', () => console.log(`OTLP sink on http://127.0.0.1:${args.port}`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log(JSON.stringify(counts));
    process.exit(0);
  });
}
