import { LIMITS, positiveId, requiredText } from './primitives'
import { z } from './zod'

/** A sales process (流程) an opportunity follows, as the administrator's file lists it. */
export const BusinessProcess = z.object({
  processId: positiveId('流程 processId'),
  processName: requiredText('流程名称', LIMITS.nameLength),
})
export type BusinessProcess = z.infer<typeof BusinessProcess>

/** A business line (业务线) and the processes an opportunity on it may follow. */
export const BusinessLine = z.object({
  lineId: positiveId('业务线 lineId'),
  lineName: requiredText('业务线名称', LIMITS.nameLength),
  processes: z.array(BusinessProcess).check(z.minLength(1, '每条业务线至少要有一个流程')),
})
export type BusinessLine = z.infer<typeof BusinessLine>

/** `BUSINESS_LINES_FILE`: kept in step with the 谱蓝云 console (there is no documented read endpoint). */
export const BusinessLinesFile = z.object({
  lines: z.array(BusinessLine).check(z.minLength(1, '至少要有一条业务线')),
}).check(z.superRefine((file, ctx) => {
  const seen = new Set<number>()
  file.lines.forEach((line, index) => {
    if (seen.has(line.lineId))
      ctx.addIssue({ code: 'custom', path: ['lines', index, 'lineId'], message: `lineId ${line.lineId} 重复`, input: line.lineId })
    seen.add(line.lineId)
  })
}))
export type BusinessLinesFile = z.infer<typeof BusinessLinesFile>
