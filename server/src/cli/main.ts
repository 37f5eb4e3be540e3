/** The termshift command line: check (and the commands built on it), lsp --stdio. */
import { runCheck, type Output } from './check';
import { UsageError } from './rulesConfig';
import { startStdioServer } from '../lsp/stdio';

const USAGE = `usage: termshift <command> [options] [PATH…]

commands:
  check [--format text|json] [--config FILE] [--phase P] [--fail-on error|warning|information] [--all] [PATH…]
        report legacy terms (default PATH: .); exit 0 clean, 1 findings at --fail-on level (default warning), 2 usage error
  lsp --stdio
        run the language server over stdio (for editors other than VS Code)
`;

export async function main(argv: string[], io: Output = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, process.cwd(), io);
      case 'lsp': {
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
