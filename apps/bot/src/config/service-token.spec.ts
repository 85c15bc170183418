import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceTokenFrom } from './service-token';

const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-token-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('serviceTokenFrom', () => {
  it('prefers BOT_SERVICE_TOKEN', () => {
    const sut = serviceTokenFrom({
      BOT_SERVICE_TOKEN: 'from-env-0123456789abcdef',
      DATA_DIR: tempDir(),
    });

    expect(sut.read()).toBe('from-env-0123456789abcdef');
    expect(sut.describe()).toBe('BOT_SERVICE_TOKEN');
  });

  it('reads the API-written file once it appears, and again when it changes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bot-service-token');
    const sut = serviceTokenFrom({ DATA_DIR: dir });

    expect(sut.read()).toBeUndefined();
    expect(sut.describe()).toMatch(/refuse events/);

    fs.writeFileSync(file, 'first\n');
    expect(sut.read()).toBe('first');
    expect(sut.describe()).toContain(file);

    fs.writeFileSync(file, 'second\n');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(sut.read()).toBe('second');
  });
});
