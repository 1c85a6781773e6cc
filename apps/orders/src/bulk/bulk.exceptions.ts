import { PlatformError } from '@airtime/platform';

/** Every error a bulk sheet answers with as a whole (its rows' problems are in the preview, not errors). */

export const previewNotFound = () =>
  new PlatformError('PREVIEW_NOT_FOUND', 'No such preview: it was never made, is not this key\'s account and mode, or has expired');

export const previewAlreadyChecked = () =>
  new PlatformError('CONFLICT', 'This preview has been checked: rows can no longer be added to it');
