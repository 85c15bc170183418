import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TipCipher } from '../modules/tips/tip-cipher';
import { withBotToken, withLocalTipKey } from './data-dir-secrets';
import { EnvError, loadEnv } from './env';

describe('secrets kept in the data folder', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gcm-secrets-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('makes the key of confidential reports once on the embedded database, readable only by its owner', () => {
    const dir = dataDir();
    const first = withLocalTipKey(loadEnv({ DATA_DIR: dir }));
    const again = withLocalTipKey(loadEnv({ DATA_DIR: dir }));

    const file = path.join(dir, 'tips-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(again.TIPS_ENCRYPTION).toEqual(first.TIPS_ENCRYPTION);
    // What was sealed before a restart opens after it.
    const sealed = new TipCipher(first.TIPS_ENCRYPTION!).seal('Có người giữ hộ chiếu', 'tip:1');
    expect(new TipCipher(again.TIPS_ENCRYPTION!).open(sealed, 'tip:1')).toBe(
      'Có người giữ hộ chiếu',
    );
  });

  it('leaves the configured keys alone, and the feature off on a PostgreSQL server', () => {
    const dir = dataDir();
    const keys = `2026a:${Buffer.alloc(32, 7).toString('base64')}`;
    const configured = withLocalTipKey(loadEnv({ DATA_DIR: dir, TIPS_ENCRYPTION_KEYS: keys }));
    expect(configured.TIPS_ENCRYPTION?.currentKeyId).toBe('2026a');

    const server = withLocalTipKey(
      loadEnv({ DATA_DIR: dir, DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' }),
    );
    expect(server.TIPS_ENCRYPTION).toBeNull();
    expect(() => statSync(path.join(dir, 'tips-key'))).toThrow();
  });

  it('refuses to start on a damaged key file, naming it', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'tips-key'), 'not a key');
    expect(() => withLocalTipKey(loadEnv({ DATA_DIR: dir }))).toThrow(EnvError);
    expect(() => withLocalTipKey(loadEnv({ DATA_DIR: dir }))).toThrow(/tips-key/);
  });

  it('makes the bot service token once, unless one is configured', () => {
    const dir = dataDir();
    const token = withBotToken(loadEnv({ DATA_DIR: dir })).BOT_SERVICE_TOKEN;
    expect(token).toBe(readFileSync(path.join(dir, 'bot-service-token'), 'utf8'));
    expect(withBotToken(loadEnv({ DATA_DIR: dir })).BOT_SERVICE_TOKEN).toBe(token);
    const given = 'a-token-from-the-configuration-0123456789';
    expect(
      withBotToken(loadEnv({ DATA_DIR: dir, BOT_SERVICE_TOKEN: given })).BOT_SERVICE_TOKEN,
    ).toBe(given);
  });
});
