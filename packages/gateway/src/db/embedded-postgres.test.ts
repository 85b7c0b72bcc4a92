import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ancestorsOf, assertPostgresUserCanTraverse, EmbeddedPostgresError, findFreePort } from './embedded-postgres';

describe('ancestorsOf', () => {
  it('lists every directory from / down to the path', () => {
    expect(ancestorsOf('/a/b/c')).toEqual(['/', '/a', '/a/b', '/a/b/c']);
    expect(ancestorsOf('/')).toEqual(['/']);
  });
});

describe('assertPostgresUserCanTraverse (the up-front check for running as root)', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'jembatan-traverse-'));
    await chmod(base, 0o755);
  });
  afterEach(async () => {
    await chmod(path.join(base, 'private'), 0o755).catch(() => undefined);
    await rm(base, { recursive: true, force: true });
  });

  it('accepts a path whose every parent is traversable by others', async () => {
    await expect(assertPostgresUserCanTraverse(path.join(base, 'data'))).resolves.toBeUndefined();
  });

  it('names the blocking directory and says what to do (like /root, mode 700)', async () => {
    const privateDir = path.join(base, 'private');
    await mkdir(privateDir, { mode: 0o700 });
    await chmod(privateDir, 0o700);
    const err = await assertPostgresUserCanTraverse(path.join(privateDir, 'data')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    const message = (err as Error).message;
    expect(message).toContain(privateDir);
    expect(message).toMatch(/JEMBATAN_DATA_DIR/);
    expect(message).toMatch(/chmod o\+x/);
    expect(message).toMatch(/DATABASE_URL/);
  });
});

describe('findFreePort', () => {
  it('returns a usable TCP port', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });
});
