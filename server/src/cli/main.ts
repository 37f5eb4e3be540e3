/** The termshift command line: check (and the commands built on it), lsp --stdio. */
import { runCheck, type Output } from './check';
import { runFix } from './fix';
import { runReport } from './report/command';
import { UsageError } from './rulesConfig';

const USAGE = `usage: termshift <command> [options] [PATH…]

commands:
  check [--format text|json|sarif|github] [--fail-on error|warning|information] [--all]
        [--baseline FILE] [--write-baseline FILE] [common options] [PATH…]
        report legacy terms (default PATH: .). --all also shows the correct usages (hints);
        --write-baseline records today's findings, --baseline then reports only new ones
  fix [--dry-run] [common options] [PATH…]
        apply the safe fixes in place (atomic writes; line endings and BOM kept);
        --dry-run prints a unified diff instead
  report [--format markdown|json|html] [--output FILE] [--baseline FILE] [--title T] [common options] [PATH…]
        the inventory by category, language, folder and plan batch (HTML: one offline page with charts)
  lsp --stdio
        run the language server over stdio (for editors other than VS Code)

common options:
  --config FILE        rules file (default: termshift.json in the cwd or a parent, else the built-in pack)
  --phase P            deprecation phase whose severities apply (A, B, C in the built-in pack)
  --max-file-size KB   skip larger files (default 2048)
  --no-cache           check every file again instead of reusing the findings of files unchanged
                       since the last run (same size, mtime, ctime and inode; same rules and build)
  --cache-location DIR where that cache lives (default: TERMSHIFT_CACHE_DIR, else
                       node_modules/.cache/termshift in the project, else ~/.cache/termshift)

exit codes:
  0  check: nothing at the --fail-on level (default warning; with --baseline: nothing new)
     fix: everything fixable was fixed · report: written · --write-baseline: written
  1  check: findings at the --fail-on level · fix --dry-run: there is something to fix
     fix: a file was refused (changed since it was read) or could not be written
  2  usage error (unknown command or option, bad value, invalid rules file or baseline)
  3  internal error
`;

export async function main(argv: string[], io: Output = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, process.cwd(), io);
      case 'fix':
        return await runFix(rest, process.cwd(), io);
      case 'report':
        return await runReport(rest, process.cwd(), io);
      case 'lsp': {
        // Loaded here only: the protocol libraries cost every other command 30 ms at start.
        const { startStdioServer } = await import('../lsp/stdio.js');
        startStdioServer();
        return -1;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`termshift: ${e.message}`);
      if (e.message.startsWith('unknown')) io.err(USAGE);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`termshift: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
