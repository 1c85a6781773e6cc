/**
 * Request examples copied from the source documents, so the document shows what integrators already
 * know (the project never reads the documents themselves at run or test time).
 */

/** 001, "Send a recharge": the order body exactly as its curl example prints it. */
export const ORDER_EXAMPLE_001 = {
  product_id: 100,
  target: '0772279099',
  amount: 5,
  agent_reference: 'ord_2026-05-07_12345',
  custom_sms: 'Your monthly comms allowance from ACME.',
};

/** 000 §1, "Create Account": the onboarding body as 000 prints it. */
export const ONBOARDING_EXAMPLE_000 = {
  name: 'Sean Inc',
  type: 'company',
  level: 'superagent',
  contact_name: 'Sean',
  contact_email: 'sean@example.com',
  contact_phone: '0775265552',
  address: '63 Glenelg Road Vainona',
  city: 'Harare',
  user_firstname: 'Sean',
  user_lastname: 'Omega',
  user_email: 'sean@example.com',
  user_phone: '0775265552',
};

/** 000 §2, "PIN Authentication". */
export const PIN_AUTHENTICATION_EXAMPLE_000 = { phone: '+263771234567', pin: '1234' };
