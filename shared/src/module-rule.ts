/** The one rule the 谱蓝云 page states: each detail must carry the field its module type needs. */
export interface DetailAnswer {
  optionId?: number | undefined
  content?: string | undefined
  fileId?: number | undefined
  lat?: number | undefined
  lng?: number | undefined
}

export type ModuleKind = 'Radio' | 'Attachment' | 'Location' | 'Text'

export function moduleKind(moduleType: string): ModuleKind {
  if (moduleType === 'Radio' || moduleType === 'Attachment' || moduleType === 'Location')
    return moduleType
  return 'Text'
}

/** Returns a Chinese message naming the module when the answer does not fit its type, or null when it does. */
export function detailProblem(moduleType: string, moduleName: string, detail: DetailAnswer): string | null {
  switch (moduleKind(moduleType)) {
    case 'Radio':
      return detail.optionId === undefined ? `「${moduleName}」是单选题，请选择一个选项（缺少 optionId）` : null
    case 'Attachment':
      return detail.fileId === undefined ? `「${moduleName}」需要上传附件（缺少 fileId）` : null
    case 'Location':
      return detail.lat === undefined || detail.lng === undefined
        ? `「${moduleName}」需要定位（缺少 lat 或 lng）`
        : null
    case 'Text':
      return detail.content === undefined || detail.content.trim() === ''
        ? `「${moduleName}」请填写内容（缺少 content）`
        : null
  }
}
