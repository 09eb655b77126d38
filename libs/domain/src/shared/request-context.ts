import type { ApiKeyRole } from './vocabulary.js';

export interface Caller {
  keyId: string;
  role: ApiKeyRole;
}

/** Who is asking; passed first to every service method so rules and the audit log know. */
export class RequestContext {
  constructor(readonly caller: Caller | null) {}

  /** For work the system does on its own behalf (start-up, ingestion from the CLI). */
  static system(): RequestContext {
    return new RequestContext(null);
  }
}
