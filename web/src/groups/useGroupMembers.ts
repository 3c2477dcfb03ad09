import type { GroupView } from '@app/shared'
import type { StartProblem } from '../pages/startProblem'
import { computed, ref, shallowReactive } from 'vue'
import { getGroup } from '../api/groups'
import { ApiError } from '../api/http'
import { describeStartProblem } from '../pages/startProblem'

/** Groups seen in this page load: going back from the form shows the list at once while it refreshes. */
const seen = shallowReactive(new Map<string, GroupView>())
/** Groups whose only customer was already opened without asking: going back must not open it again. */
const autoOpened = new Set<string>()

const TITLES: Record<string, string> = {
  NOT_GROUP_MEMBER: '你不在这个客户群里',
  NOT_CUSTOMER_GROUP: '这不是客户群',
  GROUP_DISMISSED: '客户群已解散',
  GROUP_NO_PERMISSION: '没有读取客户群的权限',
}

export function describeGroupProblem(error: unknown): StartProblem {
  const problem = describeStartProblem(error)
  const title = error instanceof ApiError ? TITLES[error.code] : undefined
  return title ? { ...problem, title, canRetry: false } : problem
}

export const seenGroupName = (chatId: string) => seen.get(chatId)?.name ?? null

/** The group's members as the server checked them for this salesperson (module-scoped state, not a store). */
export function useGroupMembers(chatId: string) {
  const group = computed(() => seen.get(chatId) ?? null)
  const problem = ref<StartProblem | null>(null)
  const loading = ref(false)
  const followed = computed(() => group.value?.members.filter(m => m.followed) ?? [])
  const others = computed(() => group.value?.members.filter(m => !m.followed) ?? [])

  async function load() {
    loading.value = true
    problem.value = null
    try {
      seen.set(chatId, await getGroup(chatId))
    }
    catch (error) {
      seen.delete(chatId)
      problem.value = describeGroupProblem(error)
    }
    finally {
      loading.value = false
    }
  }

  /** The one customer to open without asking, once per group: exactly one followed member. */
  function onlyCustomerToOpen(): string | null {
    if (followed.value.length !== 1 || autoOpened.has(chatId))
      return null
    autoOpened.add(chatId)
    return followed.value[0]!.externalUserId
  }

  return { group, problem, loading, followed, others, load, onlyCustomerToOpen }
}
