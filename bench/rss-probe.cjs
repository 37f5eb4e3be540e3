// Preloaded into the measured termshift process (node --require): at exit it writes the process's
// peak resident set size, worker threads included (they share the process), to the file named by
// TERMSHIFT_BENCH_RSS_OUT.
'use strict';
const fs = require('node:fs');
const out = process.env.TERMSHIFT_BENCH_RSS_OUT;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
