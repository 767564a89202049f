/**
 * The HTML access report in a real browser: Debian's Chromium (/usr/bin/chromium, `.ci/run` installs
 * it) driven by playwright-core, which downloads no browser. The page is opened from a file://
 * URL with every other request aborted; the tests check what a reviewer sees after filtering, the
 * highlighted changes against a base, that names with markup show as text, that the page makes no
 * request and logs no error, and that a 10,000-secret estate loads and filters. Screenshots go to
 * test-output/access-report/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { renderAccessReport } from '../../lib/access';
import { baseModel, estateModel, headModel, hostileModel, XSS } from './report-fixtures';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'access-report');

jest.setTimeout(180_000);

let context: BrowserContext;
let work: string;

/** The little of the DOM the page functions below read (the test compiles without the DOM library). */
interface DomElement {
  readonly textContent: string | null;
  readonly className: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** What a page did besides rendering: requests, console errors, uncaught errors, dialogs. */
interface PageLog {
  readonly requests: string[];
  readonly blocked: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  }
  work = mkdtempSync(path.join(tmpdir(), 'access-report-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Writes the page, opens it from file:// with every other request aborted, waits until its script ran. */
async function open(name: string, html: string): Promise<{ page: Page; log: PageLog }> {
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const log: PageLog = { requests: [], blocked: [], errors: [], dialogs: [] };
  await page.route('**/*', async (route) => {
    if (route.request().url() === url) {
      await route.continue();
    } else {
      log.blocked.push(route.request().url());
      await route.abort();
    }
  });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, log };
}

/** The visible grant rows: [change, cluster, tenant, namespace, store, identity, secret, backend]. */
async function rows(page: Page): Promise<string[][]> {
  return page.$$eval('#rows tr', (trs) => (trs as unknown as DomElement[]).map((tr) => [tr.getAttribute('data-change') ?? '',
    ...Array.from(tr.querySelectorAll('td')).slice(1, 8).map((td) => td.textContent ?? '')]));
}

/** The rows of the change table, cells joined. */
async function changeRows(page: Page): Promise<string[]> {
  return page.$$eval('#change-rows tr', (trs) => (trs as unknown as DomElement[])
    .map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent).join(' | ')));
}

async function search(page: Page, text: string): Promise<void> {
  const before = await page.getAttribute('body', 'data-renders');
  await page.fill('#filter-text', text);
  // The search is debounced: wait until the table was rendered again.
  await page.waitForSelector(`body:not([data-renders="${before}"])`, { state: 'attached' });
}

function expectQuiet(log: PageLog, url: string): void {
  expect(log.errors).toEqual([]);
  expect(log.dialogs).toEqual([]);
  expect(log.blocked).toEqual([]);
  expect(log.requests).toEqual([url]);
}

describe('access report in Chromium', () => {
  test('GIVEN a head and its base WHEN the report opens THEN gained and lost grants and widened trust are highlighted, and the page stays offline', async () => {
    const { page, log } = await open('diff', renderAccessReport(headModel(), { base: baseModel() }));
    expect(await page.title()).toBe('Access report: estate');
    expect(await rows(page)).toEqual([
      ['none', 'eks-prod', 'jenkins', 'jenkins', 'aws', 'role eso-eks-prod', 'shared/ca', 'aws-secrets-manager'],
      ['gained', 'eks-prod', 'netbox', 'netbox', 'aws', 'role eso-eks-prod', 'shared/ca', 'aws-secrets-manager'],
      ['none', 'aks-west', 'netbox', 'netbox', 'kv', 'managed identity kv-netboxtrust widened', 'netbox-db', 'azure-key-vault'],
      ['lost', 'eks-prod', 'jenkins', 'jenkins', 'aws', 'role eso-eks-prod', 'jenkins/token', 'aws-secrets-manager'],
    ]);
    expect(await page.textContent('#change-counts')).toBe('1 grant gained1 grant lost0 grants changed1 identity with widened trust4 broadening3 narrowing0 other');
    // The access diff's changes, broadening first.
    expect(await changeRows(page)).toEqual([
      '+ broadening | acknowledgement | every cluster | — | netbox | — | — | CES-TI-2 (a shared secret is read by one tenant) acknowledged: the CA bundle is public',
      '+ broadening | trust | aks-west | — | service account default:kv-reader | identity managed identity kv-netbox | — | may authenticate as the identity (IRSA)',
      '+ broadening | ⚠ cross-tenant reach | eks-prod | netbox | namespace netbox | aws → role eso-eks-prod | aws-secrets-manager:shared/ca | read (ExternalSecret) (cross-tenant: tenant netbox reaches a shared secret)',
      '+ broadening | admission | eks-prod | netbox | namespace netbox | ClusterSecretStore aws | — | admitted by the store',
      '− narrowing | reach | eks-prod | jenkins | namespace jenkins | aws → role eso-eks-prod | aws-secrets-manager:jenkins/token | read (ExternalSecret)',
      '− narrowing | grant | eks-prod | jenkins | identity role eso-eks-prod | stores aws | aws-secrets-manager:jenkins/token | secretsmanager:DescribeSecret (data)',
      '− narrowing | grant | eks-prod | jenkins | identity role eso-eks-prod | stores aws | aws-secrets-manager:jenkins/token | secretsmanager:GetSecretValue (data)',
    ]);
    expect(await page.textContent('#change-note')).toBe('7 changes, broadening first.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'diff.png'), fullPage: true });
    expectQuiet(log, page.url());
    await page.close();
  });

  test('GIVEN a head and its base WHEN the reviewer filters by cluster, tenant, backend, search text and changes THEN only matching grants show', async () => {
    const { page, log } = await open('filters', renderAccessReport(headModel(), { base: baseModel() }));
    const secrets = async (): Promise<string[]> => (await rows(page)).map((r) => `${r[0]} ${r[3]} ${r[6]}`);

    await page.selectOption('#filter-cluster', 'aks-west');
    expect(await secrets()).toEqual(['none netbox netbox-db']);
    expect((await changeRows(page)).map((c) => c.split(' | ')[1])).toEqual(['acknowledgement', 'trust']);
    expect(await page.textContent('#change-note')).toBe('2 changes match the filters (of 7), broadening first.');
    await page.selectOption('#filter-cluster', '');

    await page.selectOption('#filter-tenant', 'netbox');
    expect(await secrets()).toEqual(['gained netbox shared/ca', 'none netbox netbox-db']);
    await page.selectOption('#filter-tenant', '');

    await page.selectOption('#filter-backend', 'aws-secrets-manager');
    expect(await secrets()).toEqual(['none jenkins shared/ca', 'gained netbox shared/ca', 'lost jenkins jenkins/token']);

    await search(page, 'TOKEN');
    expect(await secrets()).toEqual(['lost jenkins jenkins/token']);
    expect((await changeRows(page)).map((c) => c.split(' | ')[1])).toEqual(['reach', 'grant', 'grant']);
    expect(await page.textContent('#count')).toBe('Grants 1–1 of 1 (filtered from 4)');

    await page.click('#clear');
    await page.check('#filter-changes');
    expect(await secrets()).toEqual(['gained netbox shared/ca', 'lost jenkins jenkins/token']);

    await search(page, 'no-such-name');
    expect(await secrets()).toEqual([]);
    expect(await page.textContent('#count')).toBe('No grant matches the filters.');
    expectQuiet(log, page.url());
    await page.close();
  });

  test('GIVEN a head and its base WHEN the reviewer selects an identity THEN its neighbourhood shows its trust (the new service account highlighted), stores, namespaces and secrets', async () => {
    const { page, log } = await open('neighbourhood', renderAccessReport(headModel(), { base: baseModel() }));
    await page.click('#rows button.node-identity >> text=managed identity kv-netbox');
    expect(await page.isVisible('#neighbourhood')).toBe(true);
    expect(await page.textContent('#focus-title')).toBe('Neighbourhood of managed identity kv-netbox');
    expect(await page.$$eval('#focus-details dd li', (lis) => (lis as unknown as DomElement[]).map((li) => `${li.className}: ${li.textContent}`))).toEqual([
      'gained: + gainedaks-west default:kv-reader',
      ': aks-west netbox:kv-reader',
    ]);
    expect(await page.$$eval('#focus-graph .column', (cols) => (cols as unknown as DomElement[]).map((c) => `${c.getAttribute('data-column')}: ${
      Array.from(c.querySelectorAll('button.node')).map((b) => b.textContent).join(', ')}`))).toEqual([
      'namespace: netbox (aks-west)', 'store: kv', 'identity: managed identity kv-netbox', 'secret: netbox-db',
    ]);
    // The table shows the identity's grants only; a node of the neighbourhood re-centres it.
    expect((await rows(page)).map((r) => r[6])).toEqual(['netbox-db']);
    await page.click('#focus-graph button.node-store');
    expect(await page.textContent('#focus-title')).toBe('Neighbourhood of store kv');
    await page.click('#focus-clear');
    await page.click('#rows tr[data-change="gained"] button.node-store');
    expect(await page.textContent('#focus-title')).toBe('Neighbourhood of store aws');
    expect(await page.$$eval('#focus-details dd li', (lis) => (lis as unknown as DomElement[]).map((li) => `${li.className}: ${li.textContent}`))).toEqual([
      ': jenkins', 'gained: + gainednetbox',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'neighbourhood.png'), fullPage: true });
    await page.click('#focus-graph button.node-secret >> text=shared/ca');
    expect(await page.textContent('#focus-title')).toBe('Neighbourhood of secret shared/ca');
    expect(await page.textContent('#focus-details')).toBe('keyaws-secrets-manager:shared/cabackendaws-secrets-managerownerno tenant (shared)grants2');
    await page.click('#focus-graph button.node-namespace >> text=netbox (eks-prod)');
    expect(await page.textContent('#focus-title')).toBe('Neighbourhood of namespace netbox on eks-prod');
    expect(await page.textContent('#focus-details')).toBe('tenantnetboxgrants1');
    await page.click('#focus-clear');
    expect(await page.isVisible('#neighbourhood')).toBe(false);
    expect(await rows(page)).toHaveLength(4);
    expectQuiet(log, page.url());
    await page.close();
  });

  test('GIVEN names that are markup WHEN the report opens and is searched THEN they show as text: no element, no script, no request', async () => {
    const { page, log } = await open('hostile', renderAccessReport(hostileModel()));
    expect(await page.title()).toBe(`Access report: estate ${XSS}`);
    expect(await page.textContent('#title')).toBe(`Access report: estate ${XSS}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await rows(page)).toEqual([
      ['none', `c${XSS}`, `t${XSS}`, `ns${XSS}`, `st${XSS}`, `role ${XSS}`, `s${XSS}\u2028<!--`, 'aws-secrets-manager'],
    ]);
    await search(page, '<img src=x');
    expect(await page.textContent('#count')).toBe('Grants 1–1 of 1');
    await page.click('#rows button.node-identity');
    expect(await page.textContent('#focus-title')).toBe(`Neighbourhood of role ${XSS}`);
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile.png'), fullPage: true });
    expectQuiet(log, page.url());
    await page.close();
  });

  test('GIVEN an estate of 10,000 secrets WHEN the report opens THEN it shows one page of grants and filters by cluster, tenant, backend and search', async () => {
    const { page, log } = await open('estate', renderAccessReport(estateModel(10_000)));
    expect(await page.textContent('#count')).toBe('Grants 1–100 of 10000');
    expect(await page.locator('#rows tr').count()).toBe(100);

    await page.selectOption('#filter-cluster', 'cluster-03');
    expect(await page.textContent('#count')).toBe('Grants 1–100 of 600 (filtered from 10000)');
    await page.selectOption('#filter-tenant', 'tenant-007');
    expect(await page.textContent('#count')).toBe('Grants 1–3 of 3 (filtered from 10000)');
    await page.selectOption('#filter-backend', 'aws-secrets-manager');
    expect(await page.textContent('#count')).toBe('No grant matches the filters.');
    await page.selectOption('#filter-backend', 'azure-key-vault');
    expect(await page.textContent('#count')).toBe('Grants 1–3 of 3 (filtered from 10000)');

    await page.click('#clear');
    await search(page, 'secret-09999');
    expect((await rows(page)).map((r) => r[6])).toEqual(['tenant-199-secret-09999']);
    await page.click('#rows button.node-store');
    expect(await page.textContent('#focus-title')).toBe('Neighbourhood of store store-tenant-199');
    expect(await page.textContent('#focus-graph [data-column="secret"] h3')).toBe('secrets (50)');

    await page.click('#clear');
    await page.click('#next');
    expect(await page.textContent('#count')).toBe('Grants 101–200 of 10000');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'estate.png') });
    expectQuiet(log, page.url());
    await page.close();
  });
});
