import { ref } from 'vue'

/** How many attachments are still uploading; submit waits until none is. */
export const uploadsInFlight = ref(0)
