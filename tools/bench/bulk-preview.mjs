// How long POST /api/v1/bulk/preview takes for a 10,000-row sheet (mixed networks, a custom SMS on
// every row), through the gateway's parser, ten staging messages to orders and the check there, on
// a platform of its own. Printed, never asserted.
//
//   npx nx run-many -t build && node tools/bench/bulk-preview.mjs [--rows 10000] [--runs 3]
import { parseArgs } from 'node:util';
import { startPlatform } from '../../apps/platform-e2e/src/support/platform-processes.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

const platform = await startPlatform({ label: 'bench-bulk', env: { LOG_LEVEL: 'error', RATE_LIMIT_API_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' } });
const { gatewayUrl, simUrl } = platform.state;
const api = async (method, path, body, auth, contentType = 'application/json') => {
  const response = await fetch(`${gatewayUrl}${path}`, { method, headers: { 'content-type': contentType, ...(auth ? { authorization: auth } : {}) }, body: typeof body === 'string' ? body : body && JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};

try {
  const phone = '0771234501';
  await api('POST', '/api/v1/onboarding/accounts', {
    name: 'Bench Shop', type: 'company', level: 'agent', contact_name: 'Bench', contact_email: 'bench@example.com', contact_phone: phone,
    address: '1 Bench Road', city: 'Harare', user_firstname: 'Bench', user_lastname: 'Mark', user_email: 'bench@example.com', user_phone: phone,
  });
  let token;
  for (let i = 0; i < 100 && !token; i++) {
    const inbox = await (await fetch(`${simUrl}/sim/sms?to=${phone}`)).json();
    const pin = /is (\d+)\./.exec(inbox[0]?.message ?? '')?.[1];
    if (pin) token = (await api('POST', '/auth/pin-authentication', { phone, pin })).body.data.token;
    else await new Promise((r) => setTimeout(r, 100));
  }
  const key = (await api('POST', '/api/v1/api-keys', { name: 'bench' }, `Bearer ${token}`)).body.data.key;

  // Econet, Econet, NetOne, Telecel, written as people do: `0772 279 099`.
  const prefixes = ['77', '78', '71', '73'];
  const number = (i) => {
    const d = String(1_000_000 + i * 7).slice(-7);
    return `0${prefixes[i % 4]}${d[0]} ${d.slice(1, 4)} ${d.slice(4)}`;
  };
  const sheet = `\uFEFFtarget;amount;agent_reference;custom_sms\r\n${Array.from({ length: ROWS }, (_, i) =>
    `${number(i)};${(i % 50) + 1},50;staff-${i};"Thank you, colleague #${i}; enjoy"`).join('\r\n')}\r\n`;
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const { status, body } = await api('POST', '/api/v1/bulk/preview', sheet, `Api-Key ${key}`, 'text/csv');
    times.push(performance.now() - t0);
    if (status !== 200) throw new Error(`preview answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (run === 0) console.log(`\n  ${body.row_count} rows: ${body.ok_count} ok, ${body.warning_count} warnings, ${body.error_count} errors; totals ${JSON.stringify(body.totals.map((t) => [t.currency, t.amount]))}`);
  }
  times.sort((a, b) => a - b);
  console.log(`\nBulk preview of a ${ROWS}-row sheet (${(Buffer.byteLength(sheet) / 1024).toFixed(0)} KiB), ${RUNS} runs\n`);
  console.log(`  POST /api/v1/bulk/preview   best ${times[0].toFixed(0)} ms   median ${times[Math.floor(times.length / 2)].toFixed(0)} ms   worst ${times.at(-1).toFixed(0)} ms\n`);
} finally {
  await platform.stopAll();
}
