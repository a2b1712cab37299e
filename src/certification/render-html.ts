// The certificate as one self-contained HTML page (inline style, no script, no external resource), readable
// offline: the header a reader needs, the verdict, coverage, the API × rule matrix, every test, and the
// failures, errors, expected failures and advisories.
import type { Cell, Certification, Coverage } from './judge.ts';
import type { AreaOutcome } from './certification.ts';
import { VERDICT_LABEL, type Verdict } from './verdict.ts';

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

const MARK: Record<Verdict, string> = { passed: '✓', failed: '✗', error: '!', skipped: '–', 'not-applicable': '·' };

function cellHtml(c: Cell | undefined): string {
  if (!c) return '<td class="none" title="not exercised"></td>';
  const v = c.expected ? 'expected' : c.verdict;
  const title = `${c.check} on ${c.api} (${c.level}): ${c.passed} passed, ${c.failed} failed, ${c.notApplicable} not applicable${c.expected ? `; expected: ${c.expected.reason}` : ''}${c.findings[0] ? `; ${c.findings[0].title}` : ''}`;
  return `<td class="${v} ${c.level}" title="${esc(title)}">${c.expected ? '~' : MARK[c.verdict]}</td>`;
}

const cov = (name: string, c: Coverage): string => {
  const pct = c.listed.length ? Math.round((100 * c.exercised.length) / c.listed.length) : 100;
  const missing = c.listed.filter((x) => !c.exercised.includes(x));
  return `<tr><th>${name}</th><td>${c.exercised.length} of ${c.listed.length} (${pct}%)</td><td class="small">${missing.length ? `not exercised: ${esc(missing.join(', '))}` : 'all'}</td></tr>`;
};

function areasHtml(areas: readonly AreaOutcome[]): string {
  if (!areas.length) return '<p class="small">No area certified and no query sweep run.</p>';
  const names = (xs: string[]): string =>
    `${xs.length}${xs.length ? `<div class="small">${esc(xs.join(', '))}</div>` : ''}`;
  return [
    '<table id="areas"><tr><th>area</th><th>certified</th><th>verdict</th><th>served</th><th>not served</th><th>failed</th><th>not run</th></tr>',
    ...areas.map(
      (a) =>
        `<tr><th>${esc(a.area)}</th><td>${a.certified ? 'yes' : 'no'}</td><td class="${a.verdict}">${esc(VERDICT_LABEL[a.verdict].toLowerCase())}</td><td>${names(a.served)}</td><td>${names(a.notServed)}</td><td>${names(a.failed)}</td><td>${a.notRun.length}</td></tr>`,
    ),
    '</table>',
  ].join('\n');
}

export function renderHtml(c: Certification): string {
  const apis = [...new Set([...c.coverage.apis.listed, ...c.cells.map((x) => x.api)])].sort();
  const rules = c.coverage.rules.listed;
  const byKey = new Map(c.cells.map((x) => [`${x.api}\u0000${x.check}`, x]));
  const testVerdict = (api: string): string => {
    const ts = c.tests.filter((t) => t.apis.includes(api));
    if (!ts.length) return '<td class="none">no test</td>';
    const order: Verdict[] = ['not-applicable', 'skipped', 'passed', 'failed', 'error'];
    const w = ts.map((t) => t.verdict).reduce((a, b) => (order.indexOf(a) >= order.indexOf(b) ? a : b));
    return `<td class="${w}">${VERDICT_LABEL[w].toLowerCase()} (${ts.length})</td>`;
  };
  const matrix = [
    `<table class="matrix"><thead><tr><th>API \\ rule</th><th>tests</th>${rules.map((r) => `<th class="rot"><span>${esc(r)}</span></th>`).join('')}</tr></thead><tbody>`,
    ...apis.map(
      (a) =>
        `<tr><th>${esc(a)}</th>${testVerdict(a)}${rules.map((r) => cellHtml(byKey.get(`${a}\u0000${r}`))).join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('\n');
  const list = (title: string, items: string[]): string =>
    items.length ? `<h2>${esc(title)}</h2><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
  const failures = c.cells
    .filter((x) => x.verdict === 'failed')
    .map(
      (x) =>
        `${x.expected ? '[expected] ' : ''}${x.check} on ${x.api} [${x.level}] ${x.failed}×: ${x.findings.map((f) => `${f.title} (received ${f.received}; expected ${f.expected})`).join(' | ')}`,
    );
  const s = c.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ZStack conformance certificate: ${esc(VERDICT_LABEL[c.verdict])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}
h1{font-size:1.6em;margin:0 0 .3em} h2{font-size:1.15em;margin-top:1.6em}
.verdict{display:inline-block;padding:.25em .8em;border-radius:.3em;font-weight:700;letter-spacing:.05em;color:#fff}
.v-passed{background:#1a7f37}.v-failed{background:#cf222e}.v-error{background:#8250df}.v-skipped,.v-not-applicable{background:#6e7781}
table{border-collapse:collapse} td,th{border:1px solid #d0d7de;padding:.2em .45em;text-align:left;vertical-align:top}
.head th{background:#f6f8fa;width:11em}
.matrix td{text-align:center;min-width:1.4em} .matrix th.rot{height:13em;white-space:nowrap;vertical-align:bottom;padding:0}
.matrix th.rot span{display:inline-block;transform:rotate(-60deg);transform-origin:left bottom;width:1.5em;margin-left:1em;font-weight:400}
td.passed{background:#dafbe1} td.failed{background:#ffebe9;font-weight:700} td.error{background:#fbefff} td.skipped,td.not-applicable{color:#6e7781}
td.expected{background:#fff8c5} td.advisory{font-style:italic} td.none{background:#fff}
.small{font-size:.85em;color:#57606a}
</style></head>
<body>
<h1>ZStack conformance certificate</h1>
<p>Verdict: <span id="verdict" class="verdict v-${c.verdict}">${esc(VERDICT_LABEL[c.verdict])}</span></p>
<table class="head">
<tr><th>Suite</th><td>${esc(c.suite.name)} ${esc(c.suite.version)}</td></tr>
<tr><th>Profile</th><td>${esc(c.profile.name)} ${esc(c.profile.version)}: ${esc(c.profile.title)}</td></tr>
<tr><th>Target</th><td>${esc(c.target)}</td></tr>
<tr><th>Declared version</th><td>ZStack ${esc(c.declaredVersion)}</td></tr>
<tr><th>Date</th><td>${esc(c.date)}</td></tr>
<tr><th>Selection</th><td>${esc(c.selection.length ? c.selection.join(' ') : 'the whole profile')}</td></tr>
<tr><th>Tests</th><td>${s.passed} passed, ${s.failed} failed${s.expected ? ` (${s.expected} expected)` : ''}, ${s.error} error, ${s.skipped} skipped, ${s['not-applicable']} not applicable</td></tr>
</table>
<h2>Coverage (exercised against what the profile lists for ZStack ${esc(c.declaredVersion)})</h2>
<table>${cov('APIs', c.coverage.apis)}${cov('Rules', c.coverage.rules)}${cov('State transitions', c.coverage.transitions)}${cov('Tests', c.coverage.tests)}</table>
<h2>Query surface by area</h2>
<p class="small">Certified areas: ${esc(
    c.areas
      .filter((a) => a.certified)
      .map((a) => a.area)
      .join(', ') || 'none',
  )}. In a certified area a query not served fails the certificate.</p>
${areasHtml(c.areas)}
<h2>API × rule</h2>
<p class="small">✓ passed, ✗ failed, ~ expected failure (baseline), · not applicable, blank: not exercised; italics: advisory rule. Hover a cell for its counts.</p>
${matrix}
${list('Failures', failures)}
${list(
  'Errors (the setup or the suite, never counted as the server failing a rule)',
  c.errors.map((e) => `${e.test}: ${e.kind}: ${e.message}`),
)}
${list(
  'Advisory findings (counted once per check and API)',
  c.advisories.map(
    (a) => `${a.check} on ${a.api}: ${a.occurrences} occurrence(s): ${a.findings.map((f) => f.title).join(' | ')}`,
  ),
)}
${c.baseline ? list(`Baseline ${c.baseline.file}`, [...c.baseline.applied.map((x) => `applied: ${x}`), ...c.baseline.nowPassing, ...c.baseline.expired, ...c.baseline.unused.map((x) => `unused: ${x}`)]) : ''}
<h2>Tests</h2>
<table><tr><th>test</th><th>kind</th><th>level</th><th>verdict</th><th>why</th></tr>
${c.tests.map((t) => `<tr><td>${esc(t.title)}</td><td>${t.kind}</td><td>${t.level}</td><td class="${t.expected ? 'expected' : t.verdict}">${esc(VERDICT_LABEL[t.verdict].toLowerCase())}${t.expected ? ' (expected)' : ''}</td><td class="small">${esc(t.reason ?? '')}</td></tr>`).join('\n')}
</table>
<p class="small">Integrity: every file of this bundle is listed with its SHA-256 in manifest.json; check with <code>zstack-conformance verify DIR</code> (in a clone: <code>npm run certify:verify -- DIR</code>).</p>
</body></html>
`;
}
