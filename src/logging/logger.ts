import { pino, type DestinationStream, type Logger } from 'pino';

export { type Logger };

/**
 * JSON logs with secrets redacted by key. Messages themselves are written by us and never contain
 * URLs or passwords; redaction is the second wall for objects passed as log fields.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'tenantgate' },
    redact: {
      paths: ['*.url', '*.password', '*.databaseUrl', '*.encryptedUrl', '*.token', '*.refreshToken', '*.accessToken', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  };
  // Standard output unless a destination is given (tests capture every line this way).
  return destination ? pino(options, destination) : pino(options);
}
