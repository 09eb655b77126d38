export enum DatabaseErrorCode {
  DataDirInUse = 'DATA_DIR_IN_USE',
  EmbeddedStartFailed = 'EMBEDDED_START_FAILED',
}

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}
