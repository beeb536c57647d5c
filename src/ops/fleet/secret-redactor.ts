import { redactCredentials } from '../migrations/migration-connection.js';

/**
 * Builds a function that removes a connection URL's secrets from text a child printed: the whole
 * URL, its password (raw and percent-decoded), then any other `user:password@` or `password=`.
 */
export function secretRedactor(url: string): (text: string) => string {
  const secrets = new Set<string>([url]);
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      secrets.add(parsed.password);
      secrets.add(decodeURIComponent(parsed.password));
    }
  } catch {
    // A keyword connection string: redactCredentials below handles its password= part.
  }
  // Longest first, so the URL is replaced whole before its password alone.
  const ordered = [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return (text) => redactCredentials(ordered.reduce((out, secret) => out.split(secret).join('***'), text));
}
