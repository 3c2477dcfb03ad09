/** Middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (!values.length)
    return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

export const kb = (bytes: number) => bytes / 1024

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
