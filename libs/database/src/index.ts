export { createDataSource, pendingMigrations, withClient, withDatabaseName, type DataSourceOptions } from './data-source.js';
export { DatabaseError, DatabaseErrorCode } from './database.error.js';
export { isDatabaseUnavailable } from './database-unavailable.js';
export { startEmbeddedPostgres, freePort, type EmbeddedDatabase, type EmbeddedLock } from './embedded-postgres.js';
export { DyadEnvironment, EnvironmentError, type FetchAllowPrivate, type RateLimits } from './environment.js';
export { openDatabase, type DatabaseHandle } from './open-database.js';
export { SnakeNamingStrategy } from './naming.strategy.js';
export { DatabaseModule } from './database.module.js';
export { LIVE_CHANNEL } from './live-channel.js';
