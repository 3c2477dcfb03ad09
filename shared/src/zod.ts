import * as z from 'zod/mini'
import zhCN from 'zod/v4/locales/zh-CN.js'

// zod/mini: the same validation as classic zod at a third of the page weight (the schemas ship in the first screen).
// Every message that reaches a salesperson is Chinese; custom messages override where a field needs context.
z.config(zhCN())

export { z }
