import { SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '@dyad/domain';

export const ALLOW_KEY = 'dyad:allow';

/** The weakest role that may call a resolver; without it any valid key (VIEWER) may. */
export const Allow = (role: ApiKeyRole) => SetMetadata(ALLOW_KEY, role);
