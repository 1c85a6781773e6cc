import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type DashboardServer, launchChromium, screenshot, seriousAccessibilityViolations, startDashboard } from '../support/dashboard.js';
import { fundWallet } from '../support/operator.js';
import { placeOrder } from '../support/orders.js';
import { http } from '../support/platform-client.js';
import { latestPin, uniquePhone } from '../support/tenants.js';
import { startReceiver } from '../support/webhook-receiver.js';

/**
 * The tenant dashboard in a real browser (Debian's Chromium, headless) against the whole platform:
 * what a business does first, with nothing but the dashboard and its phone.
 */
describe('the tenant dashboard', () => {
  let dashboard: DashboardServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dashboard = await startDashboard();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    // The page as the flow left it: where it stopped, when it failed.
    if (page) await screenshot(page, 'last').catch(() => undefined);
    await browser?.close();
    await dashboard?.stop();
  });

  async function visited(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  it('signs a business up, logs in with the PIN from the SMS, sees money arrive live, tops the test wallet up through the Pesepay simulator and sees the balance change live, creates a test key shown once, watches an order succeed live, sends recharges from the form (one succeeds, one is refunded), manages a webhook endpoint, reads the ledger and downloads a statement, pays a bulk CSV with one bad row and downloads its results, filters the orders, sees the batch history, creates a campaign, pays and lists a payout, rotates its secret and pauses it, revokes the key, and logs in again reaching the API keys with the keyboard only', async () => {
    await page.goto(dashboard.url);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    // A first visit starts in test mode, and the switch is there before anyone logs in.
    expect(await page.getByLabel('Test (sandbox)').isChecked()).toBe(true);
    await visited('01-log-in');

    await page.getByRole('button', { name: 'New here? Sign up' }).click();
    await page.getByRole('heading', { name: 'Sign up your business' }).waitFor();
    // A development build (tools/start.sh sets VITE_SMS_INBOX_URL) links to the simulator's SMS inbox;
    // one built without it, as for production, has no link.
    const inbox = page.getByRole('link', { name: "Open the simulator's SMS inbox" });
    if (process.env['VITE_SMS_INBOX_URL']) expect(await inbox.getAttribute('href')).toBe(process.env['VITE_SMS_INBOX_URL']);
    else expect(await inbox.count()).toBe(0);
    const phone = uniquePhone();
    const fields: Record<string, string> = {
      'Business name': 'Dashboard Shop',
      Address: '63 Glenelg Road Vainona',
      City: 'Harare',
      'Contact name': 'Tendai',
      'Contact email': 'tendai@example.com',
      'Contact phone': phone,
      'Your first name': 'Tendai',
      'Your last name': 'Moyo',
      'Your email': 'tendai@example.com',
      'Your phone (your PIN goes here by SMS)': phone,
    };
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
    await visited('02-sign-up');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByText('Your account is ready').waitFor();

    // Back on the login form with the phone filled in; the PIN is in the SMS inbox.
    expect(await page.getByLabel('Phone', { exact: true }).inputValue()).toBe(phone);
    await page.getByLabel('PIN', { exact: true }).fill(await latestPin(phone));
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('heading', { name: 'Wallet (test)' }).waitFor();
    await page.getByText('No test wallet yet').waitFor();
    await page.getByText('Dashboard Shop').waitFor();
    await visited('03-wallet');

    // Money arriving while the screen is open shows without a reload (walletUpdated over graphql-ws).
    const token = await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      return (JSON.parse(storage.getItem('airtime.dashboard.session') ?? '{}') as { token?: string }).token ?? '';
    });
    const account = await http('GET', '/api/v1/account', { token });
    await fundWallet(account.body.data.id, '123456', 'USD', 'test');
    await page.getByRole('table', { name: 'Balances in test mode' }).getByRole('cell', { name: 'USD 1,234.56' }).waitFor();
    await visited('04-wallet-funded');

    // A Pesepay top-up in test mode: the payment page opens in a new tab (the simulator pays on opening
    // it), and the open dashboard shows the credit and the top-up's status without a reload.
    await page.getByLabel('Top-up amount (USD)').fill('10.5.0');
    await page.getByText('Enter an amount like 10 or 10.50').waitFor();
    await page.getByLabel('Top-up amount (USD)').fill('10');
    await page.getByRole('button', { name: 'Top up with Pesepay (test)' }).click();
    const pay = page.getByRole('link', { name: 'Pay USD 10.00 at Pesepay (opens a new tab)' });
    await page.getByRole('table', { name: 'Recent test top-ups' }).getByRole('row', { name: /USD 10\.00.*pending/ }).waitFor();
    await visited('04a-wallet-top-up-started');
    const [payment] = await Promise.all([context.waitForEvent('page'), pay.click()]);
    await payment.getByRole('heading', { name: 'Payment SUCCESS' }).waitFor();
    await payment.close();
    await page.getByRole('table', { name: 'Balances in test mode' }).getByRole('cell', { name: 'USD 1,244.56' }).waitFor();
    await page.getByRole('table', { name: 'Recent test top-ups' }).getByRole('row', { name: /USD 10\.00.*paid/ }).waitFor();
    await page.getByText(/Top-up TOP-[0-9A-Z]{12} for USD 10\.00 is paid\./).waitFor();
    await visited('04b-wallet-topped-up');

    await page.getByRole('link', { name: 'Settings → API keys' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByText('No keys yet').waitFor();
    await page.getByLabel('New test key name').fill('checkout test');
    await page.getByRole('button', { name: 'Create test key' }).click();
    const secret = (await page.getByTestId('new-api-key').textContent()) ?? '';
    expect(secret).toMatch(/^atk_test_[0-9A-Za-z]{32}$/);
    await page.getByText('it is shown only this once').waitFor();
    await page.getByRole('row', { name: /checkout test/ }).waitFor();
    await visited('05-api-key-created');
    expect((await http('GET', '/api/v1/account', { apiKey: secret })).status).toBe(200);

    // Once dismissed (or after a reload, which keeps the session), the secret is nowhere on the page.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await page.getByRole('row', { name: /checkout test/ }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByRole('row', { name: /checkout test/ }).textContent()).toContain(secret.slice(0, 13));

    // An order sent with the new key shows up on the open orders screen and reaches success live (orderUpdated).
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByText('No test orders yet').waitFor();
    await visited('08-orders-empty');
    const order = await placeOrder(secret, { product_id: 100, target: '0772279099', amount: 1 });
    expect(order.status).toBe(200);
    await page.getByRole('row', { name: /772279099.*USD 1\.00.*success/ }).waitFor({ timeout: 30_000 });
    await visited('09-orders-live');

    // The send form offers only the products that serve the number (an Econet number: no NetOne) and
    // checks the product's bounds; a double click still sends one order, which reaches success live.
    await page.getByLabel('Recipient number (or meter)').fill('0772279099');
    const offered = await page.getByLabel('Product').locator('option').allTextContents();
    expect(offered.some((label) => label.startsWith('Econet airtime (USD)'))).toBe(true);
    expect(offered.some((label) => label.includes('NetOne'))).toBe(false);
    await page.getByLabel('Product').selectOption('100');
    await page.getByLabel('Amount (USD)').fill('200');
    await page.getByText('The most this product sends is USD 100').waitFor();
    expect(await page.getByRole('button', { name: 'Send test recharge' }).isDisabled()).toBe(true);
    await page.getByLabel('Amount (USD)').fill('2');
    await visited('10-send-recharge-form');
    await page.getByRole('button', { name: 'Send test recharge' }).dblclick();
    await page.getByRole('row', { name: /772279099.*USD 2\.00.*success/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('row', { name: /USD 2\.00/ }).count()).toBe(1);

    // A simulator number that fails ("0001") ends refunded, and its detail shows the debit and the refund.
    await page.getByLabel('Recipient number (or meter)').fill('0772270001');
    await page.getByLabel('Amount (USD)').fill('3');
    await page.getByRole('button', { name: 'Send test recharge' }).click();
    const failed = page.getByRole('row', { name: /772270001.*USD 3\.00.*refunded/ });
    await failed.waitFor({ timeout: 30_000 });
    await failed.getByRole('button', { name: /^Details of / }).click();
    const movements = page.getByRole('table', { name: 'Wallet movements of this order' });
    await movements.getByRole('row', { name: /USD 3\.00/ }).waitFor();
    await movements.getByRole('row', { name: /USD -3\.00/ }).waitFor();
    // The upstream it was sent to, and what it said.
    await page.getByRole('table', { name: /^Upstreams tried/ }).getByRole('row', { name: /omega.*failed.*INVALID_TARGET/ }).waitFor();
    await visited('11-order-refunded-detail');

    // Filtering by status keeps only the refunded order (three others succeeded); clearing brings them back.
    const ordersTable = page.getByRole('table', { name: 'Test orders, newest first' });
    await page.getByLabel('Status', { exact: true }).selectOption('refunded');
    await ordersTable.getByRole('row', { name: /success/ }).first().waitFor({ state: 'detached' });
    expect(await ordersTable.getByRole('row').count()).toBe(2);
    await ordersTable.getByRole('row', { name: /772270001.*USD 3\.00.*refunded/ }).waitFor();
    await visited('11b-orders-filtered');
    // By recipient (the other orders went to 0772279099), and a network no order used matches nothing.
    await page.getByLabel('Status', { exact: true }).selectOption('');
    // The filter matches the number as stored and listed (international form).
    await page.getByLabel('Recipient', { exact: true }).fill('263772270001');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await ordersTable.getByRole('row', { name: /772279099/ }).first().waitFor({ state: 'detached' });
    await ordersTable.getByRole('row', { name: /772270001.*refunded/ }).waitFor();
    expect(await ordersTable.getByRole('row').count()).toBe(2);
    await page.getByLabel('Network', { exact: true }).fill('netone');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByText('No test orders match.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await ordersTable.getByRole('row', { name: /772279099.*USD 2\.00.*success/ }).waitFor();

    // Settings → Webhooks: an endpoint made here gets the secret once, receives a signed event for a
    // test order, shows the delivery, re-sends it, rotates its secret and is deleted after confirming.
    let signingSecret = '';
    const receiver = await startReceiver(() => signingSecret);
    try {
      await page.getByRole('link', { name: 'Settings → Webhooks' }).click();
      await page.getByText('No test webhook endpoints yet').waitFor();
      await page.getByLabel('New test endpoint URL').fill(receiver.url);
      await visited('12-webhooks-empty');
      await page.getByRole('button', { name: 'Add test endpoint' }).click();
      signingSecret = (await page.getByTestId('new-webhook-secret').textContent()) ?? '';
      expect(signingSecret.length).toBeGreaterThan(20);
      await page.getByRole('row', { name: /order\.success, order\.refunded/ }).waitFor();
      await visited('13-webhook-created');
      await page.getByRole('button', { name: 'I have stored it' }).click();

      expect((await placeOrder(secret, { product_id: 100, target: '0772279099', amount: 1 })).status).toBe(200);
      const [first] = await receiver.waitFor(1);
      expect(first).toMatchObject({ verified: true, body: { type: 'order.success' } });
      await page.getByRole('button', { name: 'Refresh deliveries' }).click();
      await page.getByRole('row', { name: /order\.success.*delivered.*1 \(last: 200/ }).waitFor();
      await page.getByRole('button', { name: /^Re-send order\.success/ }).click();
      await page.getByText('Queued again.').waitFor();
      expect((await receiver.waitFor(2)).length).toBe(2);
      await visited('14-webhook-deliveries');

      await page.getByRole('button', { name: `Rotate secret of ${receiver.url}` }).click();
      const rotated = (await page.getByTestId('new-webhook-secret').textContent()) ?? '';
      expect(rotated).not.toBe(signingSecret);
      await page.getByRole('button', { name: 'I have stored it' }).click();
      await page.getByRole('button', { name: `Delete ${receiver.url}` }).click();
      await page.getByRole('group', { name: `Confirm deleting ${receiver.url}` }).waitFor();
      await visited('15-webhook-delete-confirmation');
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByText('No test webhook endpoints yet').waitFor();
    } finally {
      await receiver.close();
    }

    // The wallet's ledger, filtered by kind, and the CSV statement through the proxy with the session's token.
    await page.getByRole('link', { name: 'Wallet' }).click();
    const ledger = page.getByRole('table', { name: 'Wallet movements in test mode, newest first' });
    await ledger.getByRole('row', { name: /adjustment.*USD 1,234\.56.*e2e funding/ }).waitFor();
    await page.getByLabel('Kind').selectOption('refund');
    await ledger.getByRole('row', { name: /debit/ }).first().waitFor({ state: 'detached' });
    await ledger.getByRole('row', { name: /refund.*USD 3\.00/ }).waitFor();
    expect(await ledger.getByRole('row').count()).toBe(2);
    await page.getByLabel('Currency', { exact: true }).selectOption('USD');
    await visited('16-wallet-ledger');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV statement' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.split('\n').filter((line) => line.includes('refund'))).toHaveLength(1);
    await page.getByText(`Saved ${download.suggestedFilename()}.`).waitFor();

    // Bulk: a small sheet with one bad row is checked (the row's error, the total against the balance),
    // run once, followed until every row is final, and its results.csv saved.
    await page.getByRole('link', { name: 'Bulk' }).click();
    await page.getByRole('heading', { name: 'Bulk recharges (test)' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({ name: 'allowances.csv', mimeType: 'text/csv', buffer: Buffer.from('target,amount\n0772100010,1\n0772100020,abc\n0772100030,2\n') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('3 rows: 2 ok, 1 with errors, 0 with warnings.').waitFor();
    await page.getByRole('table', { name: 'Rows with problems' }).getByRole('row', { name: /^3 0772100020 abc Error: amount "abc" is not a number/ }).waitFor();
    await page.getByRole('table', { name: 'Totals against the test balance' }).getByRole('row', { name: /USD 2 USD 3\.00 USD [\d,.]+ yes/ }).waitFor();
    await visited('17-bulk-preview');
    await page.getByRole('button', { name: 'Run 2 rows (test)' }).dblclick();
    await page.getByText(/^Batch completed: 3 rows/).waitFor({ timeout: 30_000 });
    const byStatus = page.getByRole('table', { name: 'Rows of the batch by status' });
    await byStatus.getByRole('row', { name: 'success 2' }).waitFor();
    await byStatus.getByRole('row', { name: 'invalid 1' }).waitFor();
    await page.getByText('Sent USD 3.00, refunded USD 0.00.').waitFor();
    await visited('18-bulk-completed');
    const [results] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results.csv' }).click()]);
    const rows = readFileSync(await results.path(), 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('row,target,amount,product_id,agent_reference,custom_sms,status,order_id,provider_ref,error');
    expect(rows.slice(1).map((line) => line.split(',').slice(0, 3).concat(line.split(',')[6] ?? '').join(','))).toEqual(['2,263772100010,1,success', '3,0772100020,abc,invalid', '4,263772100030,2,success']);
    await page.getByText(`Saved ${results.suggestedFilename()}.`).waitFor();
    // The batch is in the history with its progress; a finished batch offers no Cancel.
    const history = page.getByRole('table', { name: 'Batches in test mode, newest first' });
    const ran = history.getByRole('row', { name: /dash-bulk-.* 3 .*USD 3\.00 completed/ });
    await ran.waitFor({ timeout: 15_000 });
    expect(await ran.getByRole('cell').nth(3).textContent()).toMatch(/success 2/);
    expect(await history.getByRole('button', { name: /^Cancel / }).count()).toBe(0);
    await visited('18b-bulk-history');

    // Campaigns: one made here shows its signing secret once, its budget, spend and what remains, and is paused.
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText('No test campaigns yet').waitFor();
    await page.getByLabel('Campaign name').fill('Respondents');
    await page.getByLabel('Payout product').selectOption('100');
    await page.getByLabel('Payout amount (USD)').fill('2');
    await page.getByLabel('Budget (USD)').fill('10.001');
    await page.getByText('Enter a budget like 10 or 10.50').waitFor();
    expect(await page.getByRole('button', { name: 'Create test campaign' }).isDisabled()).toBe(true);
    await page.getByLabel('Budget (USD)').fill('10');
    await page.getByLabel('Ends at (optional)').fill(`${new Date().getFullYear() + 1}-06-30T17:00`);
    await page.getByRole('button', { name: 'Create test campaign' }).click();
    const campaignSecret = (await page.getByTestId('new-campaign-secret').textContent()) ?? '';
    expect(campaignSecret).toMatch(/^cps_/);
    await page.getByText('it is shown only this once').waitFor();
    const campaign = page.getByRole('table', { name: 'Campaigns in test mode' }).getByRole('row', { name: /Respondents/ });
    await campaign.getByRole('cell', { name: 'active' }).waitFor();
    expect((await campaign.getByRole('cell').allTextContents()).slice(0, 6)).toEqual(['Respondents', 'USD 2.00', 'USD 10.00', 'USD 0.00', 'USD 0.00', 'USD 10.00']);
    expect(await campaign.getByRole('cell').nth(8).textContent()).toContain(String(new Date().getFullYear() + 1));
    await visited('19-campaign-created');
    const campaignId = /campaigns\/([^/]+)\/payouts/.exec((await page.getByRole('region', { name: "Your new campaign's signing secret" }).textContent()) ?? '')?.[1] ?? '';
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.content()).not.toContain(campaignSecret);

    // A completion the survey tool signs is paid and listed among the campaign's payouts.
    const completion = (secretKey: string, body: Record<string, unknown>) => {
      const raw = JSON.stringify({ timestamp: Math.floor(Date.now() / 1000), ...body });
      const signature = `sha256=${createHmac('sha256', secretKey).update(raw).digest('hex')}`;
      return http('POST', `/api/v1/campaigns/${campaignId}/payouts`, { body: raw, headers: { 'x-airtime-signature': signature } });
    };
    const paid = await completion(campaignSecret, { completion_id: 'respondent-1', phone: '0772279099' });
    expect(paid.status).toBe(200);
    await page.getByRole('button', { name: 'Payouts of Respondents' }).click();
    const payouts = page.getByRole('table', { name: 'Payouts of Respondents, newest first' });
    await payouts.getByRole('row', { name: /respondent-1.*USD 2\.00/ }).waitFor();
    await visited('19b-campaign-payouts');
    await page.getByRole('button', { name: 'Close payouts' }).click();

    // Rotating the secret shows the new one once; the old one no longer signs a payout.
    await page.getByRole('button', { name: 'Rotate secret of Respondents' }).click();
    await page.getByRole('region', { name: "The campaign's new signing secret" }).waitFor();
    const rotatedSecret = (await page.getByTestId('new-campaign-secret').textContent()) ?? '';
    expect(rotatedSecret).toMatch(/^cps_/);
    expect(rotatedSecret).not.toBe(campaignSecret);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.content()).not.toContain(rotatedSecret);
    expect((await completion(campaignSecret, { completion_id: 'respondent-2', phone: '0772279099' })).status).toBe(401);
    await page.getByRole('button', { name: 'Pause Respondents' }).click();
    await page.getByRole('button', { name: 'Resume Respondents' }).waitFor();
    expect(await campaign.getByRole('cell').nth(7).textContent()).toMatch(/^paused/);
    await visited('20-campaign-paused');

    await page.getByRole('link', { name: 'Settings → API keys' }).click();
    await page.getByRole('button', { name: 'Revoke checkout test' }).click();
    await page.getByRole('group', { name: 'Confirm revoking checkout test' }).waitFor();
    await visited('06-api-key-revoke-confirmation');
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByRole('row', { name: /checkout test.*revoked/ }).waitFor();
    await visited('07-api-key-revoked');
    expect((await http('GET', '/api/v1/account', { apiKey: secret })).status).toBe(401);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();

    // Keyboard only: from a fresh page, log in and reach Settings → API keys with Tab, Shift+Tab, Space
    // and Enter, focus landing on the expected control at each step.
    await page.goto('about:blank');
    await page.goto(`${dashboard.url}/#/wallet`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    // What has focus, as "tag:accessible label" (the page's own DOM: this project's lib has none).
    const focused = async () =>
      (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        const label = el.getAttribute('aria-label') ?? (el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent) ?? '';
        return el.tagName.toLowerCase() + ':' + label.trim();
      })()`)) as string;
    const tab = async (shift = false) => {
      await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
      return focused();
    };
    expect(await tab()).toBe('input:Test (sandbox)');
    expect(await tab()).toBe('input:Phone');
    await page.keyboard.type(phone);
    expect(await tab()).toBe('input:PIN');
    await page.keyboard.type(await latestPin(phone));
    expect(await tab()).toBe('button:Log in');
    await page.keyboard.press('Space');
    await page.getByRole('heading', { name: 'Wallet (test)' }).waitFor();
    const passed: string[] = [];
    while (passed.at(-1) !== 'a:Settings → API keys' && passed.length < 40) passed.push(await tab());
    expect(passed.slice(-5)).toEqual(['a:Wallet', 'a:Orders', 'a:Bulk', 'a:Campaigns', 'a:Settings → API keys']);
    expect(await tab(true)).toBe('a:Campaigns');
    expect(await tab()).toBe('a:Settings → API keys');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^API keys/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Settings → API keys' }).getAttribute('aria-current')).toBe('page');
    expect(await focused()).toBe('a:Settings → API keys');
    await visited('21-keyboard-api-keys');
  }, 180_000);
});
