/** What went wrong, independent of transport; the API maps each code to a GraphQL error code. */
export enum DomainErrorCode {
  NotFound = 'NOT_FOUND',
  InvalidInput = 'INVALID_INPUT',
  Conflict = 'CONFLICT',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  /** A resource the request needs (the database, the extraction workers) cannot serve it now; retry later. */
  Unavailable = 'UNAVAILABLE',
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id: string): DomainError {
    return new DomainError(DomainErrorCode.NotFound, `${entity} ${id} does not exist`, { entity, id });
  }

  static invalid(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(DomainErrorCode.InvalidInput, message, details);
  }

  static unavailable(message: string): DomainError {
    return new DomainError(DomainErrorCode.Unavailable, message);
  }
}
