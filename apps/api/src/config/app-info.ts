import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The API's version, from its package.json (src/config and dist/config sit at the same depth). */
export const APP_VERSION: string = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'),
).version;
