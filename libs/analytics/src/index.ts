export * from './analytics.errors';
export * from './analytics.module';
export * from './engagement-export';
export * from './engagement-scope';
export * from './engagement.queries';
export * from './engagement.service';
export * from './engagement.types';
export * from './shared-snapshot';
