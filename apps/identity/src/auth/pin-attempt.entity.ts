import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed PIN attempts per phone number, whether or not a user has that number, so that a lockout
 * looks the same for a registered and an unregistered phone.
 */
@Entity({ name: 'pin_attempts' })
export class PinAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 15 }) phone: string;
  @Column({ type: 'int' }) failures: number;
  @Column({ type: 'timestamptz', nullable: true }) locked_until: Date | null;
  @Column({ type: 'timestamptz' }) updated_at: Date;
}
