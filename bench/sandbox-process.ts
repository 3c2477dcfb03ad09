// A sandbox in a process of its own, so the server and the bare baseline call the same upstream over loopback and
// neither pays for the upstream's work in its own event loop. Prints one JSON line with its URLs, then waits.
import { startSandbox } from '@app/server/sandbox'

const sandbox = await startSandbox({ host: '127.0.0.1' })
console.log(JSON.stringify({ pulanBaseUrl: sandbox.pulanBaseUrl, wecomBaseUrl: sandbox.wecomBaseUrl }))
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)))
