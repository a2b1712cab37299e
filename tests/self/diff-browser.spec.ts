// The diff page in a real browser (Debian's Chromium, headless, as for the certificate page): it renders offline
// from the file alone, shows the verdict, groups the differences by API with both exchanges and curl lines side by
// side, and a body's markup is shown as text, never run.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test } from '@playwright/test';
import { compareRecordings } from '../../src/diff/compare.ts';
import { renderDiffHtml } from '../../src/diff/render-html.ts';
import { editFinal, ENDPOINT_A, organizationRun } from '../../fixtures/recordings.ts';

const CHROMIUM = '/usr/bin/chromium';

test('the diff page renders in headless Chromium, offline: verdict, APIs, both exchanges, no markup run', async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does`);
  const a = organizationRun(ENDPOINT_A);
  const step = a.steps.findIndex((s) => s.observation.exchange.final.json !== undefined);
  const b = editFinal(a, step, (json) => {
    const inventory = json['inventory'] as Record<string, unknown> | undefined;
    if (inventory) inventory['name'] = '<script>window.ran = true</script>';
    else json['total'] = -1;
  });
  const dir = mkdtempSync(join(tmpdir(), 'zc-diff-html-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const file = join(dir, 'diff.html');
    writeFileSync(file, renderDiffHtml(compareRecordings([a], [b]), { a: 'release.env', b: 'candidate.env' }));
    await page.goto(pathToFileURL(file).href);
    await expect(page.locator('#verdict')).toHaveText('CHANGES');
    const api = a.steps[step].observation.api;
    await expect(page.locator(`h2[id="api-${api}"]`)).toBeVisible();
    const sides = page.locator('table.sides').first();
    await expect(sides.locator('h4')).toHaveText([/^A: step \d+$/, /^B: step \d+$/]);
    await expect(sides.locator('pre.curl')).toHaveCount(2);
    await expect(sides.locator('pre.curl').first()).toContainText('curl ');
    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
    expect(requested.filter((u) => !u.startsWith('file://'))).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
