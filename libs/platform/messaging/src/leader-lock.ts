import { Client, type ClientConfig, type Notification } from 'pg';
import { advisoryLockKey } from '@opsgraph/persistence';

export interface LeaderLockOptions {
  connection: ClientConfig;
  /** Readable lock name; the key is `advisoryLockKey(name)`, per database. */
  name: string;
  onLost?: (error: Error) => void;
  onNotification?: (notification: Notification) => void;
}

/**
 * Leadership = a session advisory lock held on one dedicated connection. The lock lives exactly as long as that
 * connection: when it dies (server restart, network, pg_terminate_backend), PostgreSQL frees the lock for a standby
 * and this side learns of it through the connection's error/end event.
 */
export class LeaderLock {
  private client: Client | undefined;
  private held = false;
  private readonly key: string;

  constructor(private readonly options: LeaderLockOptions) {
    this.key = advisoryLockKey(options.name);
  }

  get isLeader(): boolean {
    return this.held;
  }

  /** One attempt; true when this instance is (now) the leader. Connection errors propagate. */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connect();
    const { rows } = await client.query<{ acquired: boolean }>(
      'select pg_try_advisory_lock($1::bigint) as acquired',
      [this.key],
    );
    this.held = rows[0].acquired;
    return this.held;
  }

  /** Runs on the lock's connection (e.g. LISTEN, the relay's reads), so that it ends with leadership. */
  async query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    if (!this.client) throw new Error('leader lock is not connected');
    return (await this.client.query<T>(sql, params)).rows;
  }

  /** Releases the lock by closing its connection. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client(this.options.connection);
    const lost = (error: Error): void => {
      if (this.client !== client) return;
      const wasLeader = this.held;
      this.client = undefined;
      this.held = false;
      client.end().catch(() => undefined);
      if (wasLeader) this.options.onLost?.(error);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('leader lock connection ended')));
    if (this.options.onNotification) client.on('notification', this.options.onNotification);
    await client.connect();
    this.client = client;
    return client;
  }
}
