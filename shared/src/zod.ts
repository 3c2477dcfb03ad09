import { z } from 'zod'

// Every message that reaches a salesperson is Chinese; custom messages below override where a field needs context.
z.config(z.locales.zhCN())

export { z }
