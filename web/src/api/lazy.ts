/**
 * The page's HTTP client (axios, with the endpoints), loaded on first use. Modules of the opening (the entry, the
 * WeCom platform) import it through here, so they can run before axios has arrived.
 */
export const loadEndpoints = () => import('./endpoints')
