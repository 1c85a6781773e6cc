import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who logs in for an account. The PIN is kept only as an argon2id hash. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) account_id: string;
  @Column({ type: 'varchar', length: 100 }) first_name: string;
  @Column({ type: 'varchar', length: 100 }) last_name: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ type: 'varchar', length: 15, unique: true }) phone: string;
  @Column({ type: 'text' }) pin_hash: string;
  @Column({ type: 'timestamptz' }) pin_changed_at: Date;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
}
