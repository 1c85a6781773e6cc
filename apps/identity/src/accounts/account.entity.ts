import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 14, unique: true }) number: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 50 }) type: string;
  @Column({ type: 'varchar', length: 50 }) level: string;
  @Column({ type: 'varchar', length: 200 }) contact_name: string;
  @Column({ type: 'varchar', length: 254 }) contact_email: string;
  @Column({ type: 'varchar', length: 15 }) contact_phone: string;
  @Column({ type: 'varchar', length: 500 }) address: string;
  @Column({ type: 'varchar', length: 100 }) city: string;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
}
