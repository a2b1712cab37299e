// A differential run as one self-contained HTML page (inline style, no script, no external resource): the
// verdict, then the differences grouped by API and step, each step with both exchanges side by side and their
// curl lines. Every text is redacted, then escaped.
import type { RecordingStep } from '../recording/recording.ts';
import { redact } from '../reporting/redact.ts';
import { curlLine, describeExchange } from '../reporting/transcript.ts';
import type { Difference } from './difference.ts';
import { diffVerdict, stepLabel, testTitle } from './render.ts';

const esc = (s: string): string =>
  redact(s).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function differenceRow(d: Difference): string {
  const cls = d.allowed ? 'allowed' : d.class;
  const why = d.allowed ? `<div class="small">allowed: ${esc(d.allowed.reason)} (${esc(d.allowed.entry)})</div>` : '';
  return `<tr class="${cls}"><td>${esc(d.class)}${d.allowed ? ' (allowed)' : ''}</td><td>${esc(d.kind)}</td><td><code>${esc(d.path)}</code></td><td><code>${esc(d.a)}</code></td><td><code>${esc(d.b)}</code></td></tr>${why ? `<tr><td colspan="5">${why}</td></tr>` : ''}`;
}

function side(name: string, s: RecordingStep | undefined): string {
  if (!s) return `<td><h4>${name}</h4><p class="small">no such step</p></td>`;
  const first = s.observation.exchange.hops[0]?.request;
  const curl = first ? `<pre class="curl">${esc(curlLine(first))}</pre>` : '';
  return `<td><h4>${name}: step ${s.index}</h4>${curl}<pre>${esc(describeExchange(s.observation.exchange))}</pre></td>`;
}

function stepBlock(ds: readonly Difference[]): string {
  const d = ds[0];
  const rows = ds.map(differenceRow).join('\n');
  const sides = `<table class="sides"><tr>${side('A', d.stepA)}${side('B', d.stepB)}</tr></table>`;
  // a step with informational differences only keeps its exchanges folded: a page of a whole run stays readable
  const folded = ds.every((x) => x.class === 'informational');
  const exchanges =
    d.step === undefined ? '' : folded ? `<details><summary>both exchanges</summary>${sides}</details>` : sides;
  return `<section class="step"><h3>${esc(testTitle(d.testId))} · ${esc(d.unit || 'test')} · ${stepLabel(d)}</h3>
<table class="diffs"><tr><th>class</th><th>kind</th><th>path</th><th>A</th><th>B</th></tr>
${rows}</table>
${exchanges}</section>`;
}

function apiSection(api: string, ds: readonly Difference[]): string {
  const steps = groupBy(ds, (d) => `${d.testId}\u0000${d.unit}\u0000${d.step ?? ''}`);
  const changes = ds.filter((d) => d.class === 'change' && !d.allowed).length;
  return `<h2 id="api-${esc(api)}">${esc(api || '(no API)')} <span class="small">${changes} change(s), ${ds.length} difference(s)</span></h2>
${[...steps.values()].map(stepBlock).join('\n')}`;
}

/** The page; `a` and `b` say what was compared. */
export function renderDiffHtml(differences: readonly Difference[], sides: { a: string; b: string }): string {
  const v = diffVerdict(differences);
  const apis = groupBy(differences, (d) => d.api);
  const sorted = [...apis.keys()].sort();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ZStack differential run: ${v.exitCode ? 'changes' : 'no change'}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1400px;color:#222}
h1{font-size:1.6em;margin:0 0 .3em} h2{font-size:1.2em;margin-top:1.8em} h3{font-size:1em} h4{margin:.2em 0}
.verdict{display:inline-block;padding:.25em .8em;border-radius:.3em;font-weight:700;color:#fff}
.v-0{background:#1a7f37}.v-1{background:#cf222e}
table{border-collapse:collapse} td,th{border:1px solid #d0d7de;padding:.2em .45em;text-align:left;vertical-align:top}
tr.change td{background:#ffebe9} tr.allowed td{background:#fff8c5} tr.informational td{color:#57606a}
.sides{width:100%;table-layout:fixed} .sides td{width:50%}
pre{white-space:pre-wrap;word-break:break-all;font-size:.85em;margin:.3em 0} pre.curl{background:#f6f8fa;padding:.3em}
.small{font-size:.85em;color:#57606a;font-weight:400}
</style></head>
<body>
<h1>ZStack differential run</h1>
<p>Verdict: <span id="verdict" class="verdict v-${v.exitCode}">${v.exitCode ? 'CHANGES' : 'NO CHANGE'}</span></p>
<table>
<tr><th>A</th><td>${esc(sides.a)}</td></tr>
<tr><th>B</th><td>${esc(sides.b)}</td></tr>
<tr><th>Differences</th><td>${v.changes} change(s) not allowed, ${v.allowed} allowed, ${v.informational} informational</td></tr>
</table>
<p class="small">APIs: ${sorted.map((a) => `<a href="#api-${esc(a)}">${esc(a || '(no API)')}</a>`).join(', ') || 'none'}</p>
${sorted.map((a) => apiSection(a, apis.get(a) ?? [])).join('\n')}
</body></html>
`;
}
