// Entry point for the TypeORM CLI (npm run migration:*), reading DATABASE_URL like the apps do.
import 'reflect-metadata';
import { loadConfig } from '@yvc/core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
