/**
 * Tests keep the CLI's result cache in a folder of their own, never in the user's ~/.cache: runs
 * of the CLI in tests stay independent of earlier test runs. Imported for its side effect.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

process.env.TERMSHIFT_CACHE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-test-cache-'));
