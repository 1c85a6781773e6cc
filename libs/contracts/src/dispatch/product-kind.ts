export const PRODUCT_KINDS = ['airtime', 'data', 'voucher', 'electricity'] as const;

export type ProductKind = (typeof PRODUCT_KINDS)[number];
