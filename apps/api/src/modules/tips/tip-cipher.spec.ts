import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TipCipher } from './tip-cipher';

const key = () => randomBytes(32).toString('base64');

describe('TipCipher', () => {
  const old = key();
  const sut = new TipCipher({ currentKeyId: 'k1', keys: { k1: old } });

  it('opens what it sealed, and the sealed bytes do not hold the text', () => {
    const sealed = sut.seal('Người môi giới tên Hùng ở Đức Xuân', 'tip_entry:1');
    expect(sealed.toString('utf8')).not.toContain('Hùng');
    expect(sut.open(sealed, 'tip_entry:1')).toBe('Người môi giới tên Hùng ở Đức Xuân');
    expect(TipCipher.keyIdOf(sealed)).toBe('k1');
  });

  it('refuses a value moved to another row, or changed', () => {
    const sealed = sut.seal('bí mật', 'tip_entry:1');
    expect(() => sut.open(sealed, 'tip_entry:2')).toThrow();
    const changed = Buffer.from(sealed);
    changed[changed.length - 1] ^= 1;
    expect(() => sut.open(changed, 'tip_entry:1')).toThrow();
  });

  it('after a rotation, seals with the new key and still opens the old values', () => {
    const sealed = sut.seal('cũ', 'a');
    const rotated = new TipCipher({ currentKeyId: 'k2', keys: { k1: old, k2: key() } });
    expect(rotated.open(sealed, 'a')).toBe('cũ');
    expect(TipCipher.keyIdOf(rotated.seal('mới', 'b'))).toBe('k2');
    const dropped = new TipCipher({ currentKeyId: 'k3', keys: { k3: key() } });
    expect(() => dropped.open(sealed, 'a')).toThrow(/key "k1"/);
  });

  it('seals bytes (a photo) bound to their row, and opens them unchanged', () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(2000)]);
    const sealed = sut.sealBytes(photo, 'tip_photo:1');
    expect(sealed.includes(photo.subarray(0, 64))).toBe(false);
    expect(sut.openBytes(sealed, 'tip_photo:1').equals(photo)).toBe(true);
    expect(() => sut.openBytes(sealed, 'tip_photo:2')).toThrow();
  });
});
