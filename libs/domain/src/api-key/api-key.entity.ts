import { Column, CreateDateColumn, Entity } from 'typeorm';
import { API_KEY_ROLES, type ApiKeyRole } from '../shared/vocabulary.js';
import { IdColumn } from '../shared/ids.js';

/** Only the SHA-256 of a key is stored; the key itself is shown once, when created. */
@Entity()
export class ApiKey {
  @IdColumn()
  id: string;

  @Column({ type: 'char', length: 64, unique: true })
  hash: string;

  /** The first characters of the key, to tell keys apart in lists. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'enum', enum: API_KEY_ROLES, enumName: 'api_key_role' })
  role: ApiKeyRole;

  @Column({ type: 'text' })
  label: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
