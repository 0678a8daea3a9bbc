/**
 * shared/catalog: the catalog's entities (types.ts), money in minor units, and the feed parsers
 * that turn retailers' files into a CatalogBatch (formats: FORMAT.md and the Merchant Center
 * product and local inventory data specifications).
 */
export * from './types.js';
export type { AmountResult, Money, MoneyResult, ParseMoneyOptions } from './money.js';
export {
  currencyExponent,
  formatMinor,
  isCurrencyCode,
  minorToDecimal,
  parseAmount,
  parseMoney,
} from './money.js';
export { bestLanguageMatch, canonicalLanguageTag, LANGUAGE_TAG } from './language-tag.js';
export type { DetectResult, ParseFeedOptions, ParseFeedResult } from './feeds/parse-feed.js';
export { detectFeedFormat, parseFeed } from './feeds/parse-feed.js';
export { parseMerchantTsv } from './feeds/merchant-tsv.js';
export { parseMerchantXml } from './feeds/merchant-xml.js';
export { groupTitle } from './feeds/merchant-builder.js';
export type { LocalInventoryOptions } from './feeds/local-inventory.js';
export { parseLocalInventoryTsv, parseLocalInventoryXml } from './feeds/local-inventory.js';
export { parseVitrineJson, parseVitrineJsonl } from './feeds/vitrine-json.js';
export type {
  MediaInput,
  PriceObjectInput,
  ProductInput,
  StockInput,
  StorePriceInput,
  StoreInput,
  VariantInput,
} from './feeds/vitrine-schema.js';
export {
  jsonDocumentSchema,
  jsonlHeaderSchema,
  productSchema,
  stockSchema,
  storePriceSchema,
  storeSchema,
  VITRINE_FORMAT,
  VITRINE_VERSION,
} from './feeds/vitrine-schema.js';
export type { InstantResult, IntervalResult } from './feeds/iso-date.js';
export { parseIsoInstant, parseIsoInterval } from './feeds/iso-date.js';
export { formatProblem } from './feeds/problems.js';
export { isHttpUrl, isRelativeMediaPath, parseMediaUrl } from './media-ref.js';
