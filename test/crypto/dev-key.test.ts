import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevKey } from '../../src/crypto/dev-key.js';
import { formatEncryptionKey } from '../../src/crypto/key-ring.js';

describe('loadOrCreateDevKey', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tenantgate-dev-key-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the key once with mode 0600, announces it loudly, then reuses it quietly', () => {
    const dataDir = join(root, 'data');
    const path = join(dataDir, 'encryption.key');
    const messages: string[] = [];
    const created = loadOrCreateDevKey(dataDir, (message) => messages.push(message));

    expect(created.key).toHaveLength(32);
    expect(readFileSync(path, 'utf8').trim()).toBe(formatEncryptionKey(created));
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    expect(messages).toHaveLength(1);
    const notice = messages[0] ?? '';
    expect(notice.split('\n').length).toBeGreaterThan(3);
    expect(notice).toContain(path);
    expect(notice).toContain('TENANTGATE_ENCRYPTION_KEY');
    expect(notice).not.toContain(created.key.toString('base64'));

    const reused = loadOrCreateDevKey(dataDir, (message) => messages.push(message));
    expect(reused.id).toBe(created.id);
    expect(reused.key.equals(created.key)).toBe(true);
    expect(messages).toHaveLength(1);
  });

  it('fails on a corrupt key file, naming the file but not its content', () => {
    const path = join(root, 'encryption.key');
    writeFileSync(path, 'dev:c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateDevKey(root, () => undefined)).toThrow(path);
    expect(() => loadOrCreateDevKey(root, () => undefined)).not.toThrow(/c2hvcnQ/);
  });

  it('warns when an existing key file is readable by others', () => {
    if (process.platform === 'win32') {
      return;
    }
    loadOrCreateDevKey(root, () => undefined);
    chmodSync(join(root, 'encryption.key'), 0o644);
    const messages: string[] = [];
    loadOrCreateDevKey(root, (message) => messages.push(message));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/readable by other users/);
  });
});
