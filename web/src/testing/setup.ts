// Chunks the page loads on demand (the response schemas and the form's rules after the first screen, the sandbox
// platform outside WeCom) compile zod, the shared contract or Vant on their first import in a test, which can outlast a
// test's time limit on a busy machine: they are put in the module cache once, before the tests.
await import('../api/schemas')
await import('../follow-up/submitFlow')
await import('../platform/sandbox/sandboxPlatform')

export {}
