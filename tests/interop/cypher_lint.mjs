// Lint Cypher scripts with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, the linter of Neo4j's editors).
//
//   node cypher_lint.mjs CASE=FILE...
//
// Prints `PASS CASE neo4j-lint FILE: ...` or `FAIL ...` per file and exits 1 on any
// error diagnostic. It first lints a broken query, to show that the linter can fail.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
let failed = 0;

const errorsOf = (text) => lintCypherQuery(text, {}).diagnostics.filter((d) => d.severity === 1);

if (errorsOf("MATCH (n RETURN n;").length === 0) {
  console.log('FAIL all neo4j-lint: the linter accepts a broken query');
  failed++;
}
for (const [caseName, file] of args) {
  const text = readFileSync(file, 'utf8');
  const statements = text.split(/;\s*$/m).filter((s) => s.replace(/\/\/.*$/gm, '').trim()).length;
  const { diagnostics } = lintCypherQuery(text, {});
  const errors = diagnostics.filter((d) => d.severity === 1);
  const warnings = diagnostics.length - errors.length;
  const name = basename(file);
  if (errors.length) {
    failed++;
    const first = errors.slice(0, 3).map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join(' | ');
    console.log(`FAIL ${caseName} neo4j-lint ${name}: ${errors.length} errors: ${first}`);
  } else {
    console.log(`PASS ${caseName} neo4j-lint ${name}: ${statements} statements, no errors, ${warnings} warnings`);
  }
}
process.exit(failed ? 1 : 0);
