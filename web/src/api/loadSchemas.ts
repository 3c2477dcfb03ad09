/** Loads the response schemas' chunk (zod) once; main.ts asks for it when the first screen is up. */
export const loadSchemas = () => import('./schemas')
