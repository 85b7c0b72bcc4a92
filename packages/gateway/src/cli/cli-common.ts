/**
 * What the officers' commands (`npm run import`, `npm run export`) share: who is running them, and how
 * a failure that is not the command's own is reported (exit code 2 for configuration, 1 otherwise).
 */
import { userInfo } from 'node:os';
import { ConfigError } from '../config/config';

/** The operating-system user running the command, for the audit actor `cli:<user>`; `unknown` without a passwd entry (containers). */
export function cliUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Report a configuration error or an unexpected failure of command `name`; returns the exit code. */
export function reportOtherFailure(e: unknown, name: string, write: (text: string) => void): number {
  if (e instanceof ConfigError) {
    write(`Configuration error: ${e.message}\n`);
    return 2;
  }
  write(`${name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}
