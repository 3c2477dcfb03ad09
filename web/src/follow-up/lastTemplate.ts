const KEY = 'followup:last-template'

/** The template the salesperson used last on this device, so the next form opens on it. */
export function lastTemplateId(): number | null {
  const value = Number(localStorage.getItem(KEY))
  return Number.isInteger(value) && value > 0 ? value : null
}

export function rememberTemplate(templateId: number) {
  try {
    localStorage.setItem(KEY, String(templateId))
  }
  catch (error) {
    console.warn('无法记住模板', error)
  }
}
