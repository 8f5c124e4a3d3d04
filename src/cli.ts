#!/usr/bin/env node
import { main } from './cli/main';

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`memo-check: internal error: ${(error as Error).message}\n`);
  process.exitCode = 2;
});

// `memo-check … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
