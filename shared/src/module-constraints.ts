import { LIMITS } from './limits'

/**
 * The control a module type gets and the shape of its answer. The 谱蓝云 page names Radio, Attachment and Location;
 * the rest are assumed (see README, "Template module types"): Checkbox answers one detail per chosen option
 * (`optionId` + its label as `content`), Number and Date answer one `content` ("12.5", "2026-12-01"), Text and
 * TextArea one `content`.
 */
export type ModuleControl = 'Radio' | 'Checkbox' | 'Attachment' | 'Location' | 'Number' | 'Date' | 'TextArea' | 'Text'

const CONTROLS: Record<string, ModuleControl> = {
  Radio: 'Radio',
  Checkbox: 'Checkbox',
  MultiSelect: 'Checkbox',
  Attachment: 'Attachment',
  Location: 'Location',
  Number: 'Number',
  Date: 'Date',
  TextArea: 'TextArea',
}

export function moduleControl(moduleType: string): ModuleControl {
  return CONTROLS[moduleType] ?? 'Text'
}

/** What a template's `moduleConfig` can say about its answers (keys assumed from the seed's `{"label": …}` style). */
export interface ModuleConstraints {
  control: ModuleControl
  /** Characters per text answer. */
  maxLength: number
  /** Answers per module: files for Attachment, chosen options for Checkbox, else 1. */
  maxCount: number
  /** HTML `accept` tokens for Attachment (`image/*`, `.pdf`, `application/pdf`); empty means any allowed file. */
  accept: readonly string[]
  min?: number
  max?: number
}

interface ModuleSource { moduleType: string, moduleConfig: string }

function readConfig(moduleConfig: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(moduleConfig)
    return parsed && typeof parsed === 'object' ? parsed as Record<string, unknown> : {}
  }
  catch {
    return {}
  }
}

const positiveInt = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined)
const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

function readConstraints(module: ModuleSource): ModuleConstraints {
  const config = readConfig(module.moduleConfig)
  const control = moduleControl(module.moduleType)
  const many = control === 'Attachment' || control === 'Checkbox'
  const accept = typeof config.accept === 'string' ? config.accept.split(',').map(t => t.trim().toLowerCase()).filter(Boolean) : []
  const min = finite(config.min)
  const max = finite(config.max)
  return {
    control,
    maxLength: Math.min(positiveInt(config.maxLength) ?? LIMITS.contentLength, LIMITS.contentLength),
    maxCount: many ? Math.min(positiveInt(config.maxCount) ?? LIMITS.answersPerModule, LIMITS.answersPerModule) : 1,
    accept,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  }
}

const remembered = new WeakMap<ModuleSource, { moduleType: string, moduleConfig: string, constraints: Readonly<ModuleConstraints> }>()

/**
 * What a module's type and `moduleConfig` allow. Remembered per module object (while its type and config text stay the
 * same): the server checks every answer of every submission against its template's modules, and the config would
 * otherwise be parsed again for each. The answer is frozen, since it is shared.
 */
export function moduleConstraints(module: ModuleSource): Readonly<ModuleConstraints> {
  const known = remembered.get(module)
  if (known && known.moduleType === module.moduleType && known.moduleConfig === module.moduleConfig)
    return known.constraints
  const constraints = readConstraints(module)
  Object.freeze(constraints.accept)
  remembered.set(module, { moduleType: module.moduleType, moduleConfig: module.moduleConfig, constraints: Object.freeze(constraints) })
  return constraints
}
