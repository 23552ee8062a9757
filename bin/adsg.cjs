#!/usr/bin/env node
// The CLI is built into dist/ by `npm install` (the prepare script) and `npm run build`.
require('../dist/cli/adsg.cjs');
