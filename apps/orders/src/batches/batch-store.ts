import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, BatchItem } from '@airtime/contracts';
import { type PageSeek, rows, seekSql } from '@airtime/platform';
import type { BatchRow } from './batch-row.js';

/** The batch's own columns: its items stay behind, they are only read while the batch is run. */
const COLUMNS = 'id, seq, account_id, mode, total_count, refused_count, batch_reference, completed_at, created_at';

/** Every read and write of the `batches` table (its orders are the OrderStore's). */
@Injectable()
export class BatchStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(accountId: string, mode: ApiKeyMode, items: BatchItem[]): Promise<BatchRow> {
    const [batch] = await rows<BatchRow>(
      this.dataSource,
      `INSERT INTO batches (account_id, mode, items, total_count) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [accountId, mode, JSON.stringify(items), items.length],
    );
    return batch as BatchRow;
  }

  /** The account's batch in any mode (a batch id is the account's own whichever key made it). */
  async byId(accountId: string, id: string): Promise<BatchRow | undefined> {
    const [batch] = await rows<BatchRow>(this.dataSource, `SELECT ${COLUMNS} FROM batches WHERE id = $1 AND account_id = $2`, [id, accountId]);
    return batch;
  }

  /** Those of `ids` that are the account's batches in `mode`, in no particular order. */
  async byIds(accountId: string, mode: ApiKeyMode, ids: string[]): Promise<BatchRow[]> {
    return rows<BatchRow>(this.dataSource, `SELECT ${COLUMNS} FROM batches WHERE account_id = $1 AND mode = $2 AND id = ANY($3)`, [accountId, mode, ids]);
  }

  /** The account's batches in `mode` within the seek's bounds on `seq`, in its direction. */
  async list(accountId: string, mode: ApiKeyMode, seek: PageSeek): Promise<BatchRow[]> {
    const parameters: unknown[] = [accountId, mode];
    const page = seekSql('seq', seek, parameters);
    return rows<BatchRow>(this.dataSource, `SELECT ${COLUMNS} FROM batches WHERE ${['account_id = $1', 'mode = $2', ...page.where].join(' AND ')} ${page.tail}`, parameters);
  }

  async countRefused(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE batches SET refused_count = refused_count + 1 WHERE id = $1`, [id]);
  }
}
