import type { ApiKeyView } from './api-key.view.js';

/** The one answer that carries the full key; it is not stored and cannot be shown again. */
export interface CreatedApiKeyView extends ApiKeyView {
  key: string;
}
