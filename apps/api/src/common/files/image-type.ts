/** The images the API keeps from chat platforms (a report's photo, a task update's photo). */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * The image type of a file by its first bytes (JPEG `FF D8 FF`, PNG's eight-byte signature,
 * WebP's `RIFF….WEBP`), or null: what a file says of itself does not count.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) =>
    bytes.length >= offset + signature.length &&
    signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}
