import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyMode } from '@airtime/contracts';

/** The key itself is never stored: only its SHA-256, which is enough to recognise it. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) account_id: string;
  @Column({ type: 'uuid' }) created_by: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 20 }) prefix: string;
  @Column({ type: 'char', length: 64, unique: true }) key_hash: string;
  @Column({ type: 'varchar', length: 4 }) mode: ApiKeyMode;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @Column({ type: 'timestamptz', nullable: true }) last_used_at: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revoked_at: Date | null;
}
