/**
 * A shop window takes reservations after closing (issue 6, out-of-hours mode): such a
 * reservation is ready from the store's next opening and held from then, so `pickup_from` is kept
 * beside its `expires_at`; a hand-off made after closing carries it to the phone page's form.
 */
export const sql = /* sql */ `
ALTER TABLE reservations ADD COLUMN pickup_from TEXT;
ALTER TABLE handoffs ADD COLUMN pickup_from TEXT;
`;
