// The complaint-handling actions of the ticket permission table and audit trail (docs/product.md §11.2).
export const COMPLAINT_ACTIONS = [
  'ADD_CORRECTIVE_ACTION',
  'COMPLETE_CORRECTIVE_ACTION',
  'VERIFY_CORRECTIVE_ACTION',
  'GIVE_COMPLAINT_FEEDBACK',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
