import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'

/** Asks before something that is hard to take back; resolves false when the salesperson cancels. */
export async function confirmAction(title: string, message: string, confirmButtonText = '确定'): Promise<boolean> {
  try {
    await showConfirmDialog({ title, message, confirmButtonText, cancelButtonText: '取消', teleport: 'body' })
    return true
  }
  catch {
    // Vant rejects on cancel; that is the answer, not an error.
    return false
  }
}
