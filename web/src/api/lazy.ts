/**
 * The page's HTTP client (up-fetch, with the endpoints), loaded on first use. Modules of the opening (the entry, the
 * WeCom platform) import it through here, so they can run before it has arrived.
 */
export const loadEndpoints = () => import('./endpoints')
