// npm run architecture:picture: draws the layers (src/* folders, reference-server/, contracts/) with
// dependency-cruiser and writes the picture into docs/architecture.md, between its two picture markers.
// `--check` writes nothing and exits 1 when the picture there is not the one the code draws now.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { commandLine } from './cli/args.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BEGIN = '<!-- picture: npm run architecture:picture writes it -->';
const END = '<!-- end of picture -->';

/** The mermaid flowchart of the layers: one node per src/* folder or top-level file, reference-server, contracts. */
async function drawLayers(): Promise<string> {
  const options = await extractDepcruiseOptions(resolve(ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise(['src', 'reference-server', 'contracts'], {
    ...options,
    baseDir: ROOT,
    validate: false,
    includeOnly: '^(src|reference-server|contracts)/',
    collapse: '^(src/[^/]+|reference-server|contracts)',
    outputType: 'mermaid',
  });
  return String(output).trim();
}

/** The page with its picture block replaced by `picture`. */
function withPicture(page: string, picture: string): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`no picture block (${BEGIN} … ${END})`);
  return `${page.slice(0, begin + BEGIN.length)}\n\`\`\`mermaid\n${picture}\n\`\`\`\n${page.slice(end)}`;
}

function fail(line: string): never {
  process.stderr.write(`architecture:picture: ${line}\n`);
  process.exit(1);
}

const { values: args } = commandLine({
  name: 'architecture:picture',
  summary: 'Draws the layers with dependency-cruiser and writes the picture into docs/architecture.md.',
  options: {
    check: { type: 'boolean', help: 'write nothing; exit 1 when the picture in the page is stale' },
    doc: { type: 'string', value: 'PATH', help: 'the page holding the picture (default docs/architecture.md)' },
  },
  example: 'npm run architecture:picture -- --check',
});
const doc = resolve(args.doc ?? resolve(ROOT, 'docs/architecture.md'));
const page = readFileSync(doc, 'utf8');
let fresh;
try {
  fresh = withPicture(page, await drawLayers());
} catch (e) {
  fail(`${doc}: ${e instanceof Error ? e.message : String(e)}`);
}
if (args.check) {
  if (fresh !== page) fail(`the picture in ${doc} is stale: run npm run architecture:picture`);
} else if (fresh !== page) {
  writeFileSync(doc, fresh);
  console.log(`wrote the picture into ${relative(process.cwd(), doc)}`);
}
