export * from './data-source-options';
export * from './database.module';
export * from './pg-errors';
export * from './redis/redis.module';
export * from './redis/rate-limit';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox';
