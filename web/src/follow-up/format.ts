const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const pad = (n: number) => String(n).padStart(2, '0')

/** "3月5日 周四 09:30", local time; the year only when it is not this year. */
export function formatDateTime(iso: string | Date, now = new Date()): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(at.getTime()))
    return ''
  const year = at.getFullYear() === now.getFullYear() ? '' : `${at.getFullYear()}年`
  return `${year}${at.getMonth() + 1}月${at.getDate()}日 周${WEEKDAYS[at.getDay()]} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}
