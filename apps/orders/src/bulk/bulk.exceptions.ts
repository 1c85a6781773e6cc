import { PlatformError } from '@airtime/platform';

/** Every error a bulk sheet answers with as a whole (its rows' problems are in the preview, not errors). */

export const previewNotFound = () =>
  new PlatformError('PREVIEW_NOT_FOUND', 'No such preview: it was never made, is not this key\'s account and mode, or has expired');

export const previewAlreadyChecked = () =>
  new PlatformError('CONFLICT', 'This preview has been checked: rows can no longer be added to it');

export const batchNotFound = () => new PlatformError('NOT_FOUND', 'No such bulk batch for this key\'s account and mode');

export const previewNotChecked = () => new PlatformError('CONFLICT', 'This preview is still being staged: check it before running it');

export const previewAlreadyRun = (batchReference: string) =>
  new PlatformError('CONFLICT', `This preview was already run as batch_reference ${batchReference}; preview the sheet again to run it again`);
