import type * as Schemas from './schemas'
import { badResponse } from './http'
import { loadSchemas } from './loadSchemas'

type SchemaName = keyof typeof Schemas
type Output<N extends SchemaName> = ReturnType<(typeof Schemas)[N]['parse']>
interface Checkable { safeParse: (data: unknown) => { success: boolean, data?: unknown } }

/** The data in the shared schema's shape, so a changed server shows up as a clear error, not a broken page. */
export async function checked<N extends SchemaName>(name: N, data: unknown): Promise<Output<N>> {
  const schema = (await loadSchemas())[name] as Checkable
  const parsed = schema.safeParse(data)
  if (!parsed.success)
    throw badResponse()
  return parsed.data as Output<N>
}
