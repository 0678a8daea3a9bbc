/**
 * Product titles and descriptions per language, from feeds that have them (FORMAT.md,
 * `translations`). The products row keeps the default text; a shopper who picked a language
 * gets the row for it when there is one (product-texts.ts). Rows go with their product.
 */
export const sql = /* sql */ `
CREATE TABLE product_texts (
  product_rowid INTEGER NOT NULL REFERENCES products(rowid) ON DELETE CASCADE,
  language      TEXT NOT NULL,
  title         TEXT,
  description   TEXT,
  PRIMARY KEY (product_rowid, language)
) STRICT, WITHOUT ROWID;
`;
