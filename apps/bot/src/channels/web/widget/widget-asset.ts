/**
 * The embeddable widget as the bot serves it at /web/widget.js. The script is plain browser
 * JavaScript kept beside this file (chat-widget.js; tsc copies it to dist, see tsconfig.json).
 * It is read once, with a gzip copy for browsers that take it and an ETag so that they
 * revalidate it cheaply.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WidgetAsset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

let cached: WidgetAsset | undefined;

export function widgetAsset(): WidgetAsset {
  if (!cached) {
    const source = readFileSync(path.join(__dirname, 'chat-widget.js'), 'utf8')
      // tsc's source-map comment would send browsers' developer tools after a file not served.
      .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    const body = Buffer.from(source, 'utf8');
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    cached = { body, gzip: gzipSync(body), etag };
  }
  return cached;
}
