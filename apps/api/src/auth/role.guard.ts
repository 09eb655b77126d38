import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, DomainErrorCode, roleAllows, type ApiKeyRole } from '@dyad/domain';
import { ALLOW_KEY } from './allow.decorator.js';
import { requestContextOf } from './graphql-context.js';

/** Checks the caller's role against `@Allow` on each resolver (authentication happened per request). */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const required =
      this.reflector.getAllAndOverride<ApiKeyRole | undefined>(ALLOW_KEY, [context.getHandler(), context.getClass()]) ??
      'VIEWER';
    const caller = requestContextOf(context).caller;
    if (!caller) throw new DomainError(DomainErrorCode.Unauthenticated, 'send Authorization: Bearer <key>');
    if (!roleAllows(caller.role, required)) {
      throw new DomainError(DomainErrorCode.Forbidden, `this needs the ${required} role; your key is ${caller.role}`);
    }
    return true;
  }
}
