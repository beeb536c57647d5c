import { AppError, ErrorCode } from '../../errors/app-error.js';
import { redactCredentials } from '../migrations/migration-connection.js';
import { errorDetails } from '../migrations/migration-error.js';

// Hints for the failures an operator meets when provisioning, keyed by SQLSTATE or Node errno.
const HINTS: Record<string, string> = {
  '3D000': 'the database does not exist',
  '28P01': 'the server rejected the user name or password',
  '28000': 'the server rejected the connection (pg_hba.conf or role)',
  '42501': 'the role lacks the privilege for this operation',
  '53300': 'the server has no free connection slots',
  '57P03': 'the server is starting up or shutting down',
  ECONNREFUSED: 'the server refused the connection (wrong host or port, or not running)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the server closed the connection',
};

/**
 * Turns whatever a database call threw into one line that is safe to show: a known SQLSTATE or
 * errno becomes a hint; anything else keeps its own text with credentials and the URL removed.
 * The migrator folds the code into its message as `(CODE)`, so the code is read from there too.
 */
export function describeDatabaseFailure(error: unknown, url?: string): string {
  const details = errorDetails(error);
  const code = details.code ?? /\(([0-9A-Z]{5}|E[A-Z_]+)\)\s*$/.exec(details.message)?.[1];
  const hint = code === undefined ? undefined : HINTS[code];
  if (hint !== undefined) {
    return `${hint} (${code})`;
  }
  const text = scrubSecrets(details.message, url).trim();
  if (text.length > 0) {
    return text;
  }
  return code === undefined ? 'the connection failed' : `the connection failed (${code})`;
}

/** The {@link AppError} a provisioning step throws when it cannot use a database. */
export function databaseUnavailable(action: string, error: unknown, url?: string): AppError {
  return new AppError(ErrorCode.TENANT_UNAVAILABLE, `${action}: ${describeDatabaseFailure(error, url)}`);
}

/**
 * Removes `url`, its password and any `user:password@` from `text`. Belt and braces: the
 * migrator already redacts, but a message from a library we do not control might not.
 */
export function scrubSecrets(text: string, url?: string): string {
  let scrubbed = text;
  if (url !== undefined && url.length > 0) {
    scrubbed = scrubbed.split(url).join('<datasource url>');
    const password = passwordOf(url);
    for (const form of new Set([password, safeDecode(password)])) {
      if (form.length === 0 || !scrubbed.includes(form)) {
        continue;
      }
      // Replacing a very short password would garble ordinary words, so the text is dropped instead.
      scrubbed = form.length >= 4 ? scrubbed.split(form).join('***') : '';
    }
  }
  return redactCredentials(scrubbed);
}

function passwordOf(url: string): string {
  try {
    return new URL(url).password;
  } catch {
    return '';
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
