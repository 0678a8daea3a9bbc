/**
 * The catalog's 3D models, for the media cache to fetch ahead (Reader.models). Without it that
 * query scans every media row (hundreds of thousands on a 100k-product catalog, nearly all of them
 * images) at each start; partial, so it holds the model rows alone, and in the query's column
 * order, so it answers the DISTINCT by itself.
 */
export const sql = /* sql */ `
CREATE INDEX media_models ON media(url, sha256) WHERE kind = 'model';
`;
