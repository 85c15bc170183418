/**
 * DataSource for the TypeORM CLI (migration:generate, migration:run against DATABASE_URL):
 *   npx typeorm migration:generate -d dist/database/data-source.js src/database/migrations/Name
 */
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './data-source-options';

const env = loadEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL must be set to use the TypeORM CLI');

export default new DataSource(dataSourceOptions(env.DATABASE_URL, 'server', 2));
