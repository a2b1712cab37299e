// The certificate page in a real browser (Debian's Chromium, headless): it renders offline from the file alone,
// requests nothing from any network, and shows the verdict. .ci/run installs Chromium; no browser is downloaded.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { TEST_RUN_META } from '../../fixtures/run-meta.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test } from '@playwright/test';
import { judge, type TestEntry } from '../../src/certification/judge.ts';
import { loadProfile } from '../../src/certification/profile.ts';
import { renderHtml } from '../../src/certification/render-html.ts';

const CHROMIUM = '/usr/bin/chromium';
const profile = loadProfile();
const title = profile.tests.find((t) => t.title.includes('moves an organization'))?.title as string;
const meta = TEST_RUN_META;
const entryWith = (failed: number): TestEntry => ({
  title,
  project: 'conformance',
  status: failed ? 'failed' : 'passed',
  annotations: [],
  record: {
    kind: 'scenario',
    transitions: ['ChangeIAM2OrganizationState: disable -> Disabled'],
    failures: [],
    rules: [
      {
        check: 'stateEventApplied',
        api: 'ChangeIAM2OrganizationState',
        severity: 'required',
        passed: 3,
        failed,
        notApplicable: 1,
        findings: failed
          ? [
              {
                title: 'state not Disabled after disable',
                received: 'Enabled',
                expected: 'Disabled',
                source: 'descriptor',
                count: failed,
              },
            ]
          : [],
      },
    ],
  },
});

test('the certificate page renders in headless Chromium, offline, and shows the verdict', async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium (apt-get update && apt-get install -y chromium); .ci/run does this`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'zc-cert-html-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    for (const [name, failed, verdict] of [
      ['passed.html', 0, 'PASSED'],
      ['failed.html', 2, 'FAILED'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, renderHtml(judge([entryWith(failed)], profile, meta)));
      await page.goto(pathToFileURL(file).href);
      await expect(page.locator('#verdict')).toHaveText(verdict);
      await expect(page).toHaveTitle(`ZStack conformance certificate: ${verdict}`);
      await expect(page.locator('table.head')).toContainText('http://zstack.example:8080');
      await expect(page.locator('table.head')).toContainText('zstack-5.x');
      // the verdict is visible, not only present
      const box = await page.locator('#verdict').boundingBox();
      expect(box && box.width > 20 && box.height > 10).toBe(true);
    }
    await expect(page.locator('table.matrix td.failed.required')).toHaveText('✗');
    await expect(page.locator('body')).toContainText('stateEventApplied on ChangeIAM2OrganizationState');
    // self-contained: the page asked for nothing but itself
    expect(requested.filter((u) => !u.startsWith('file://'))).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
