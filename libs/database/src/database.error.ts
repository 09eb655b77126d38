export enum DatabaseErrorCode {
  DataDirInUse = 'DATA_DIR_IN_USE',
  EmbeddedStartFailed = 'EMBEDDED_START_FAILED',
  Unreachable = 'UNREACHABLE',
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
