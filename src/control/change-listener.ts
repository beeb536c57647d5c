import pg from 'pg';
import { type Logger } from '../logging/logger.js';
import { CONTROL_CHANGE_CHANNEL, parseChange, type ControlChange } from './change-feed.js';

/** Options of {@link ChangeListener}. */
export interface ChangeListenerOptions {
  /** The control-plane database the changes are published on. */
  url: string;
  /** Told of every change another process (or this one) published. */
  onChange(change: ControlChange): void;
  /**
   * Told each time the listener has (re)subscribed. Changes published while it was not listening
   * are lost, so whatever was cached before must be dropped here.
   */
  onResync(): void;
  logger: Logger;
  /** Longest wait between reconnect attempts; they start at {@link FIRST_RETRY_MS} and double (config default 5 s). */
  retryMaxMs: number;
  /** Time allowed to open the listening connection (default 5 s). */
  connectTimeoutMs?: number;
}

const FIRST_RETRY_MS = 100;
const LISTENER_APPLICATION_NAME = 'tenantgate-listener';

/**
 * Keeps one dedicated connection to the control plane subscribed (LISTEN) to the change channel.
 * A pooled connection cannot hold a subscription: the pool hands it to queries and may close it.
 * When the connection dies it reconnects with exponential backoff and jitter, and every successful
 * subscription is followed by `onResync`, since notifications sent in between were missed.
 */
export class ChangeListener {
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private failedAttempts = 0;
  private closed = false;
  /** How many times a subscription was made, the first one included. */
  subscriptions = 0;

  constructor(private readonly options: ChangeListenerOptions) {}

  /** Whether the subscription is in place now (readiness, and whether caches may be trusted). */
  get alive(): boolean {
    return this.client !== null;
  }

  /** Subscribes once; on failure the retries run in the background and `alive` stays false. */
  start(): Promise<void> {
    return this.subscribe();
  }

  /** Ends the subscription and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async subscribe(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.deliver(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${CONTROL_CHANGE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
      this.retry(error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failedAttempts = 0;
    this.subscriptions += 1;
    this.options.onResync();
    this.options.logger.info({ subscriptions: this.subscriptions }, 'listening for control-plane changes');
  }

  private deliver(message: pg.Notification): void {
    if (message.channel !== CONTROL_CHANGE_CHANNEL) {
      return;
    }
    const change = parseChange(message.payload);
    if (change === null) {
      this.options.logger.warn('ignored a control-plane change this version does not understand');
      return;
    }
    this.options.onChange(change);
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (!this.closed) {
      this.retry(error);
    }
  }

  private retry(error: unknown): void {
    if (this.closed) {
      return;
    }
    const ceiling = Math.min(this.options.retryMaxMs, FIRST_RETRY_MS * 2 ** this.failedAttempts);
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.failedAttempts += 1;
    this.options.logger.warn(
      { code: (error as { code?: unknown } | undefined)?.code ?? 'connection-closed', retryInMs: delay, attempt: this.failedAttempts },
      'control-plane change listener is down; reconnecting',
    );
    this.retryTimer = setTimeout(() => void this.subscribe(), delay);
    this.retryTimer.unref();
  }
}
