export * from './demo-accounts';
export * from './demo-clubs';
export * from './demo-people';
export * from './demo-season';
export * from './demo-seed.service';
export * from './demo.module';
