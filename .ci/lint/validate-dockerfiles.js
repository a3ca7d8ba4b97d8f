// Runs the VS Code Dockerfile validator (dockerfile-utils) on each file named on the command line.
// Prints one "file:line:col: message" per problem and exits 1 when there is any.
'use strict';
const fs = require('fs');
const { validate } = require('dockerfile-utils');

let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const d of validate(fs.readFileSync(file, 'utf8'))) {
    problems++;
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
  }
}
process.exit(problems === 0 ? 0 : 1);
