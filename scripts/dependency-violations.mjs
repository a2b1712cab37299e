// A dependency-cruiser reporter (`depcruise --output-type plugin:…`, see `npm run lint`): one line per
// violation, `<rule>: <from> → <to>` (a cycle as its whole path), and exit code 1 when there is any.
export default function oneLinePerViolation(result) {
  const lines = result.summary.violations.map((v) => {
    const path = v.cycle ? [v.from, ...v.cycle.map((step) => step.name)] : [v.from, v.to];
    return `${v.rule.severity} ${v.rule.name}: ${path.join(' → ')}`;
  });
  return { output: lines.map((l) => `${l}\n`).join(''), exitCode: lines.length > 0 ? 1 : 0 };
}
