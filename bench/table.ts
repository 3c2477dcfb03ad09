/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let columns = 0
  for (const char of text)
    columns += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(char) ? 2 : 1
  return columns
}

/** A plain text table; columns whose cells all look numeric are right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map(row => row.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map(row => width(row[i] ?? ''))))
  const numeric = header.map((_, i) => rows.length > 0 && rows.every(row => /^[-+\d.,x% ]+(?:ms|KB|s)?$/.test(String(row[i] ?? ''))))
  const line = (row: string[]) => row.map((cell, i) => {
    const pad = ' '.repeat(widths[i]! - width(cell))
    return numeric[i] ? pad + cell : cell + pad
  }).join('  ').trimEnd()
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

export const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`
export const fmtMs = (ms: number) => `${Math.round(ms)} ms`
