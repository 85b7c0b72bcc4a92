import path from 'node:path';
import { ConfigError, findRepoRoot, loadConfig, redactUrl } from './config';

describe('loadConfig', () => {
  it('defaults: port 4000, embedded database, info logs, data in <repo root>/.data', () => {
    const c = loadConfig({}, '/somewhere');
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.dataDir).toBe(path.join(findRepoRoot(), '.data'));
    expect(path.isAbsolute(c.dataDir)).toBe(true);
    expect(c.bodyLimit).toBe('1mb');
    expect(c.seed).toBe(true);
  });

  it('finds the repository root (the package.json with workspaces)', () => {
    expect(findRepoRoot()).toBe(path.resolve(__dirname, '..', '..', '..', '..'));
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/jembatan',
        LOG_LEVEL: 'DEBUG',
        JEMBATAN_DATA_DIR: 'var/data',
        JEMBATAN_PG_PORT: '5544',
        JEMBATAN_BODY_LIMIT: '512kb',
        JEMBATAN_SHUTDOWN_TIMEOUT_MS: '2500',
        JEMBATAN_SEED: 'false',
        HOST: '127.0.0.1',
      },
      '/srv/app',
    );
    expect(c).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db:5432/jembatan',
      logLevel: 'debug',
      dataDir: '/srv/app/var/data',
      embeddedPgPort: 5544,
      bodyLimit: '512kb',
      shutdownTimeoutMs: 2500,
      seed: false,
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: 'abc' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ JEMBATAN_PG_PORT: '-1' }, /JEMBATAN_PG_PORT/],
    [{ JEMBATAN_BODY_LIMIT: 'huge' }, /JEMBATAN_BODY_LIMIT/],
    [{ JEMBATAN_SEED: 'maybe' }, /JEMBATAN_SEED/],
    [{ JEMBATAN_SHUTDOWN_TIMEOUT_MS: '1.5' }, /JEMBATAN_SHUTDOWN_TIMEOUT_MS/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('rejects a DATABASE_URL that is not postgres without echoing it', () => {
    const secret = 'mysql://root:hunter2@db/x';
    let message = '';
    try {
      loadConfig({ DATABASE_URL: secret });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toContain('hunter2');
  });

  it('redacts passwords in URLs for logs', () => {
    expect(redactUrl('postgres://u:secret@h:1/db')).toBe('postgres://u:***@h:1/db');
    expect(redactUrl('not a url')).toBe('(unparseable URL)');
  });
});
